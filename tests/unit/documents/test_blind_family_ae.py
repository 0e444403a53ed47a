"""Family AE (``corpus_blind_ae.py``), written blind in a twenty-fifth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB, AC and AD) and measured blind
on rounds 23 to 25; seen since round 26, which read its misses and trains on it as a read
family (``read_families``): the family itself (every class, ground truth printed,
deterministic, laid out on the page, each setting as it says) and the reader measured on it
on perfect text, as the product reads (the shipped classifier and field ranker). The OCR
sample is in tests/integration/ocr/test_blind_family_ae_ocr.py; the figures are in
benchmarks/OCR.md ("Family AE", "Round 26"). Being seen, AE's figures here are
training-side figures. Two documents a class keep this module to a few seconds; the
benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import itertools
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
    corpus_blind_ae,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ae import (
    DATE_SHAPES,
    GREYS,
    SCANS,
    SIDE,
    TEMPLATES,
    AESample,
    ae_pages,
    ae_scanned,
    ae_text,
    build_ae,
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
           "corpus_blind_j", "corpus_blind_aa", "corpus_blind_ab", "corpus_blind_ac",
           "corpus_blind_ad", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB, AC and AD (and the statements
corpus); searched by the new-words test (AD's was read for its conventions as the task
allowed, the others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AESample]:
    return build_ae(2)


@pytest.fixture(scope="module")
def every() -> list[AESample]:
    return build_ae(4)


@pytest.fixture(scope="module")
def texts(family: list[AESample]) -> dict[str, str]:
    return {s.name: ae_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AESample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ae_pages(s) for s in family}


def test_every_class_has_family_ae_with_the_fields_it_yields(
    family: list[AESample], every: list[AESample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AE")
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
    assert "The short version" in text  # the sidebar
    assert "P.S." in text  # the postscript
    assert "STATEMENT OF ACCOUNT" in text  # the header band
    assert "FAX MESSAGE" in text  # the fax cover sheet
    assert "Item" in text  # the banded table
    assert any(s.style.landscape for s in family)  # the landscape page
    assert "Umbrella employment payslip" in text
    assert "Year to date" in text
    assert re.search(r"\b\d{1,2}\.[A-Z][a-z]{2}\.20\d\d\b", text)
    assert re.search(r"\b[A-Z][a-z]{2} \d\d 20\d\d\b", text)
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d-\d\d-\d\d\b", text)
    assert {s.style.face for s in family} == {"caladea", "mono", "bookman"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["4.Dec.2026", "Dec 04 2026", "Fri 04-12-26"]
    assert DATE_SHAPES[0](dt.date(2026, 1, 22)) == "22.Jan.2026"
    assert DATE_SHAPES[1](dt.date(2025, 9, 3)) == "Sep 03 2025"
    assert DATE_SHAPES[2](dt.date(2025, 9, 3)) == "Wed 03-09-25"
    assert plain(123_456) == "1,234.56"


def _amount(text: str) -> int:
    m = re.fullmatch(r"-?([\d,]+)\.(\d\d)( CR| DR)?", text)
    assert m, text
    sign = -1 if text.startswith("-") or text.endswith(" DR") else 1
    return sign * (int(m[1].replace(",", "")) * 100 + int(m[2]))


def _cells(sample: AESample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_carries_its_running_balance(every: list[AESample]) -> None:
    """Each balance is the one before it plus the signed amount; CR and DR read as the
    sign; the carried-forward balance agrees; half the statements start overdrawn."""
    seen = overdrawn = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = [r for r in _cells(sample) if r and re.fullmatch(r"\d\d/\d\d", r[0].text)]
        assert rows[0][1].text == "Balance brought forward", sample.name
        running = _amount(rows[0][-1].text)
        overdrawn += running < 0
        for row in rows[1:]:
            running += _amount(row[2].text)
            assert _amount(row[3].text) == running, sample.name
        closing = next(r for r in _cells(sample) if r and r[0].text == "Balance carried forward")
        assert _amount(closing[-1].text) == running, sample.name
    assert seen == 4
    assert overdrawn == 2


def test_each_setting_puts_its_facts_where_it_says(every: list[AESample]) -> None:
    """The sidebar's facts sit in the box right of the prose; the postscript's facts come
    after the signature and "P.S." only; the band's facts sit in the shaded band above the
    entries; the fax's facts are in its grid under the machine's header line; the banded
    table's rows alternate grey and white; the landscape page's facts run across one row."""
    seen = dict.fromkeys(("sidebar", "postscript", "band", "fax", "banded", "landscape"), 0)
    for sample in every:
        text = ae_text(sample)
        truth = sample.truth
        ref = truth.account_reference
        owed = truth.balance_pence
        rows = _cells(sample)
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        if "The short version" in text:
            seen["sidebar"] += 1
            cells = [c for r in rows for c in r]
            box = next(c for c in cells if c.text == "The short version")
            assert box.x > SIDE[0]
            if ref:
                assert any(c.text == ref and c.x > SIDE[0] for c in cells), sample.name
            if owed is not None:
                assert any(c.text == corpus_blind_ae.pounds(owed) and c.x > SIDE[0] for c in cells)
            beside = [r for r in rows if len(r) == 2 and r[0].x < 0.1 and r[1].x > SIDE[0]]
            assert len(beside) >= 5, sample.name
        if any(r and r[0].text == "P.S." for r in rows):
            seen["postscript"] += 1
            cut = next(k for k, r in enumerate(rows) if r and r[0].text == "P.S.")
            signed = next(k for k, r in enumerate(rows) if r and r[0].text == "Yours faithfully,")
            assert signed < cut
            before = " ".join(c.text for r in rows[:cut] for c in r)
            after = " ".join(c.text for r in rows[cut:] for c in r)
            if ref:
                assert ref in after, sample.name
                assert ref not in before, sample.name
            if truth.letter_date:
                shapes = [shape(truth.letter_date) for shape in DATE_SHAPES]
                assert not any(s in before for s in shapes), sample.name
        if "STATEMENT OF ACCOUNT" in text:
            seen["band"] += 1
            shaded = [r for r in sample.rects[0] if r.fill == 222]
            assert shaded
            banded = " ".join(c.text for b in shaded for r in rows[b.first : b.last + 1] for c in r)
            if ref:
                assert ref in banded, sample.name
            if owed is not None:
                assert corpus_blind_ae.pounds(owed) in banded, sample.name
                entries = [
                    r
                    for r in rows
                    if len(r) == 2 and r[1].align == "right" and r[0].text != "Entry"
                ]
                if entries:
                    assert sum(_amount(r[1].text) for r in entries) == owed, sample.name
        if "FAX MESSAGE" in text:
            seen["fax"] += 1
            assert rows[0][-1].text == "P.001/001"
            assert "FROM:" in rows[0][0].text
            if ref:
                assert any(r and r[0].bold and len(r) >= 2 and r[1].text == ref for r in rows), (
                    sample.name
                )
        if any(r and r[0].text == "Item" for r in rows):
            seen["banded"] += 1
            grey = [r for r in sample.rects[0] if r.fill == 232]
            assert len(grey) >= 2
            assert all(b.first == b.last for b in grey)
            firsts = sorted(b.first for b in grey)
            assert all(b - a == 2 for a, b in itertools.pairwise(firsts))
        if sample.style.landscape:
            seen["landscape"] += 1
            width, height = page_size(sample, 100)
            assert width > height
            if ref:
                row = next(r for r in rows if any(c.text == ref for c in r))
                assert len(row) >= 4, sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AE's own wording as written in ``corpus_blind_ae`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ae))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg in ("ref_label", "date_label"):
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign) and isinstance(node.value, ast.List):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
        if isinstance(node, ast.Assign | ast.For) and isinstance(
            getattr(node, "value", None) or getattr(node, "iter", None), ast.Tuple
        ):
            seq = getattr(node, "value", None) or getattr(node, "iter", None)
            for pair in seq.elts:  # type: ignore[union-attr]
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not AE's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ae_is_in_an_earlier_family() -> None:
    """AE is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB, AC and AD, nor
    most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ae = corpus_blind_ae
    orgs = [o for o in vars(ae).values() if isinstance(o, ae.Org)]
    orgs += [
        o for v in vars(ae).values() if isinstance(v, tuple) for o in v if isinstance(o, ae.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ae.PEOPLE),
        *(street for street, _, _ in ae.ADDRESSES),
        "The short version", "For your records:", "FAX MESSAGE", "Umbrella employment payslip",
        "Balance brought forward", "Balance carried forward",
    ]  # fmt: skip
    names = [n for n in names if n not in ("Balance brought forward", "Balance carried forward")]
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 4, shared


def test_every_true_value_is_printed_on_the_document(every: list[AESample]) -> None:
    for sample in every:
        for text in (ae_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AESample], every: list[AESample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ae_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AESample]) -> None:
    single = next(s for s in family if not s.style.landscape)
    halftone = render(single, 0, SCANS[0], seed=3)
    assert halftone.mode == "L"
    arr = np.asarray(halftone, dtype=int)
    # the strokes are dots: few pixels near black, the grey ink never printed solid
    dark = (arr < 80).mean()
    assert 0.001 < dark < 0.05
    messaged = render(single, 0, SCANS[1], seed=3)
    assert messaged.mode == "RGB"
    pix = np.asarray(messaged, dtype=int)
    paper = pix[pix.sum(axis=2) > 600]
    assert (paper[:, 0] - paper[:, 2]).mean() > 15  # the warm cast
    posterised = render(single, 0, SCANS[2], seed=3)
    assert posterised.mode == "L"
    assert len(np.unique(np.asarray(posterised))) <= GREYS
    data, fmt, _ = ae_scanned(single, 0)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ae_scanned(single, 3)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ae_scanned(single, 1)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = ae_scanned(single, 2)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "L"
    wide = next(s for s in family if s.style.landscape)
    width, height = Image.open(io.BytesIO(ae_scanned(wide, 2)[0])).size
    assert width > height


def digest() -> str:
    samples = build_ae(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ae_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ae") == digest()


def test_family_ae_is_trained_on_only_as_a_read_family() -> None:
    """AE is seen since round 26 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AE" in read_families.READ
    assert "corpus_blind_ae" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ae", "AE")


# -- the reader on AE (seen since round 26, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ae_score(
    family: list[AESample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 97% (29/30), original creditor 2/2, reference 100% (30/30), "
    "balance 90% (27/30), letter date 72% (26/36), deadline 71% (17/24), claim no. 4/4, "
    "payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 0/2 (branch corpusae off "
    "5ca6cad = main's round-23 reader, shipped classifier and field ranker 2026-12-05.23; "
    "on 76 documents: benchmarks/OCR.md, 'Family AE')"
)
"""The first measurement (38 documents here), blind."""
ROUND_26 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 26 (its rules, with the classifier and field ranker 2026-12-05.25
and with 2026-12-05.26, trained with AE). Blind before (rounds 23 to 25): the letter date,
the deadline and the served date under the floor (dates printed with points round the
month's name, "4.Dec.2026"; a claim's "Issued by the court on"): benchmarks/OCR.md,
'Round 26'."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the first measurement of the fields that every debt letter states (97%, 90%
and 72% here, blind): a collapse, not a small loss."""


def test_family_ae_is_read_above_a_collapse_floor(ae_score: Score) -> None:
    print("\n" + ae_score.table("family AE (seen since round 26), perfect text"))
    assert ae_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ae_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ae_meets_the_floor(ae_score: Score, field: str) -> None:
    """Seen since round 26 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_26 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(ae_score.accuracy(field), field), field
