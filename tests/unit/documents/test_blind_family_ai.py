# ruff: noqa: E501  (the checks read better unwrapped)
"""Held-out family AI (``corpus_blind_ai.py``), written blind in a twenty-ninth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG and AH):
the family itself (every class, ground truth printed, deterministic, laid out on the page,
each setting as it says) and that it is trained on only as a read family, and the reader
measured on it on perfect text as the product reads (the shipped classifier and field
ranker): blind at first (aggregates only), read since round 29 (benchmarks/OCR.md, "Round
29"). The OCR sample is in tests/integration/ocr/test_blind_family_ai_ocr.py; the
figures are in benchmarks/OCR.md ("Family AI"). Two documents a class keep this module to
a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import random
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
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_ai, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ai import (
    DATE_SHAPES,
    MONTHS,
    SCANS,
    SEED,
    TEMPLATES,
    AISample,
    ai_pages,
    ai_scanned,
    ai_text,
    build_ai,
    marked,
    page_size,
    plain,
    pounds,
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
           "corpus_blind_ad", "corpus_blind_ae", "corpus_blind_af", "corpus_blind_ag",
           "corpus_blind_ah", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG and AH (and
the statements corpus); searched by the new-words test (AH's was read for its conventions
as the task allowed, the others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AISample]:
    return build_ai(2)


@pytest.fixture(scope="module")
def every() -> list[AISample]:
    return build_ai(4)


@pytest.fixture(scope="module")
def texts(family: list[AISample]) -> dict[str, str]:
    return {s.name: ai_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AISample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ai_pages(s) for s in family}


def test_every_class_has_family_ai_with_the_fields_it_yields(
    family: list[AISample], every: list[AISample], texts: dict[str, str]
) -> None:
    assert SEED == 3319
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AI")
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
    alltext = "\n".join(ai_text(s) for s in every)
    assert "ACCOUNT NOTES" in text
    assert "Progress of your account" in text
    assert "ANNEX A - PARTICULARS OF THE ACCOUNT" in text
    assert "HEARING BUNDLE" in text
    assert "CALLING CARD" in text
    assert "Your balance over six months" in text
    assert "Stable staff pay advice" in alltext
    assert "Creamery payroll statement" in alltext
    assert "Week to " in alltext
    assert "Closing balance" in alltext
    assert re.search(r"\d\.\d\d \(Dr\)", alltext)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{3,} '\d\d\b", alltext)
    assert re.search(r"\b[A-Z][a-z]+day \d{1,2}(st|nd|rd|th) [A-Z][a-z]+ 20\d\d\b", alltext)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2}\. '\d\d\b", alltext)
    assert {s.style.face for s in family} == {"serif", "sans", "carlito"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert sum(len(s.pages) == 2 for s in family) >= 4
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["4 December '26", "Friday 4th December 2026", "4 Dec. '26"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 23)) == "23 September '25"
    assert DATE_SHAPES[1](dt.date(2025, 9, 22)) == "Monday 22nd September 2025"
    assert DATE_SHAPES[1](dt.date(2026, 1, 11)) == "Sunday 11th January 2026"
    assert DATE_SHAPES[2](dt.date(2026, 1, 3)) == "3 Jan. '26"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"
    assert marked(-123_456) == "1,234.56 (Dr)"
    assert marked(99) == "0.99"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(-)?([\d,]+)\.(\d\d)( \(Dr\))?", text)
    assert m, text
    return (-1 if m[1] or m[4] else 1) * (int(m[2].replace(",", "")) * 100 + int(m[3]))


def _cells(sample: AISample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AISample]) -> None:
    """Each balance printed is the one before it plus what came in less what went out;
    "(Dr)" reads as below nought; each week's net line is the sum of that week's lines; the
    closing balance agrees. Half the statements start overdrawn."""
    seen = overdrawn = weeks = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        start = next(k for k, r in enumerate(rows) if any(c.text == "Opening balance" for c in r))
        balance_cell = right_cell_at(rows[start], 0.93)
        assert balance_cell is not None
        running = _amount(balance_cell.text)
        overdrawn += running < 0
        lines = moved = 0
        for row in rows[start + 1 :]:
            if any(c.text == "Closing balance" for c in row):
                closing = right_cell_at(row, 0.93)
                assert closing is not None, sample.name
                assert _amount(closing.text) == running, sample.name
                break
            if row and row[0].text.startswith("Week to "):
                net = re.search(r"net ([+-])([\d,]+\.\d\d)$", row[0].text)
                assert net, row[0].text
                assert (-1 if net[1] == "-" else 1) * _amount(net[2]) == moved, sample.name
                weeks += 1
                moved = 0
                continue
            signed = right_cell_at(row, 0.77) if right_cell_at(row, 0.62) is None else None
            out = right_cell_at(row, 0.62)
            if out is not None:
                change = -_amount(out.text)
            else:
                assert signed is not None, sample.name
                change = _amount(signed.text)
            running += change
            moved += change
            shown_ = right_cell_at(row, 0.93)
            assert shown_ is not None, sample.name
            assert _amount(shown_.text) == running, sample.name
            lines += 1
        assert lines == 9, sample.name
    assert seen == 4
    assert overdrawn == 2
    assert weeks >= 2


def test_a_payslip_adds_up(every: list[AISample]) -> None:
    """The earnings come to the gross, the deductions to their total, and the gross less
    the deductions is the take-home pay."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
        pays, deds = [], []
        for row in rows[head + 1 :]:
            if row and row[0].text == "Gross pay":
                gross, total = _amount(row[1].text), _amount(row[3].text)
                break
            if (p := right_cell_at(row, 0.47)) is not None:
                pays.append(_amount(p.text))
            if (d := right_cell_at(row, 0.91)) is not None:
                deds.append(_amount(d.text))
        net = next(_amount(r[1].text) for r in rows if r and r[0].text == "Take-home pay")
        assert sum(pays) == gross, sample.name
        assert sum(deds) == total, sample.name
        assert gross - total == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AISample]) -> None:
    """The notes put each fact in a dated log entry; the tracker sets the facts three to a
    line, each under a node; the annex puts the facts on page 2 in a numbered table; the
    bundle frames the letter under a page stamp; the calling card puts each fact on a dotted
    line inside the card; the chart's last bar is the balance now."""
    seen = dict.fromkeys(("notes", "tracker", "annex", "bundle", "calling", "chart"), 0)
    for sample in every:
        text = ai_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        cells = [c for r in rows for c in r]
        if "ACCOUNT NOTES" in text:
            seen["notes"] += 1
            stamped = [r for r in rows if r and re.fullmatch(r"\d\d/\d\d/\d\d \d\d:\d\d", r[0].text)]  # fmt: skip
            assert len(stamped) >= 6, sample.name
            if owed is not None:
                assert any(r[-1].text.endswith(pounds(owed)) for r in stamped), sample.name
        if "Progress of your account" in text:
            seen["tracker"] += 1
            nodes = [r for r in sample.rects[0] if r.x1 - r.x0 < 0.03]
            assert len(nodes) >= 4, sample.name
            assert sum(r.fill is not None for r in nodes) == 1, sample.name
            if owed is not None:
                cell = next(c for c in cells if c.text == pounds(owed))
                assert cell.bold, sample.name
                assert cell.x in (0.1, 0.4, 0.7), sample.name
        if "ANNEX A - PARTICULARS" in text:
            seen["annex"] += 1
            assert len(sample.pages) == 2
            second = _cells(sample, 1)
            paras = [r[0].text for r in second if r and re.fullmatch(r"A\.\d", r[0].text)]
            assert paras[:3] == ["A.1", "A.2", "A.3"], sample.name
            if ref:
                assert any(c.text == ref and c.x == 0.56 for r in second for c in r), sample.name
            if owed is not None:
                assert not any(c.text == pounds(owed) for c in cells if c.x > 0.5), sample.name
        if "HEARING BUNDLE" in text:
            seen["bundle"] += 1
            stamp = rows[0][-1].text
            assert re.fullmatch(r"\[B\d+\]", stamp), sample.name
            assert rows[-2] == [] or any(c.text == stamp[1:-1] for r in rows for c in r), sample.name  # fmt: skip
            frame = [r for r in sample.rects[0] if r.x0 == 0.09]
            assert len(frame) == 1, sample.name
            if ref:
                k = next(k for k, r in enumerate(rows) if any(c.text == ref for c in r))
                assert frame[0].first <= k <= frame[0].last, sample.name
        if "CALLING CARD" in text:
            seen["calling"] += 1
            card = sample.rects[0][-1]
            assert card.outline, sample.name
            assert card.first == 0, sample.name
            assert any(line.colour == "dash" for line in sample.rules[0]), sample.name
            if ref:
                k = next(k for k, r in enumerate(rows) if any(c.text == ref for c in r))
                assert k <= card.last, sample.name
                assert rows[k][1].text.startswith("..."), sample.name
        if "Your balance over six months" in text:
            seen["chart"] += 1
            bars = [r for r in sample.rects[0] if r.fill in (90, 175)]
            assert len(bars) == MONTHS, sample.name
            assert [b.fill for b in bars].count(90) == 1, sample.name
            now = next(r for r in rows if r and r[0].text.endswith("(now)"))
            assert owed is not None, sample.name
            assert now[1].text == plain(owed), sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AI's own wording as written in ``corpus_blind_ai`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ai))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg in ("ref_label", "date_label"):
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign | ast.AnnAssign) and isinstance(
            node.value, ast.List
        ):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Revenue and Customs")
"""Public bodies every family may name: not AI's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ai_is_in_an_earlier_family() -> None:
    """AI is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF,
    AG and AH, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ai = corpus_blind_ai
    orgs = [o for o in vars(ai).values() if isinstance(o, ai.Org)]
    orgs += [
        o for v in vars(ai).values() if isinstance(v, tuple) for o in v if isinstance(o, ai.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ai.PEOPLE),
        *(street for street, _, _ in ai.ADDRESSES),
        "ACCOUNT NOTES", "Progress of your account", "PARTICULARS OF THE ACCOUNT",
        "HEARING BUNDLE", "CALLING CARD", "Your balance over six months",
        "Stable staff pay advice", "Creamery payroll statement", "Prize money pool share",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 6, shared


def test_every_true_value_is_printed_on_the_document(every: list[AISample]) -> None:
    for sample in every:
        for text in (ai_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AISample], every: list[AISample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ai_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AISample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    # the stitch: an upright bar breaks sideways where the two passes meet, the lower half darker
    bars = np.full((600, 400), 250, dtype=np.uint8)
    bars[:, 100:104] = 0
    out = np.asarray(corpus_blind_ai._stitch(Image.fromarray(bars).convert("RGB"), random.Random(3), 0.0))  # fmt: skip
    lefts = [int(np.argmax(row < 128)) for row in out[5:-5]]
    assert len(set(lefts)) == 2
    assert corpus_blind_ai.SEAM[0] <= abs(lefts[0] - lefts[-1]) < corpus_blind_ai.SEAM[1]
    assert out[-10, 300] < out[10, 300]
    stitched = np.asarray(render(single, 0, SCANS[0], seed=3), dtype=int)
    assert stitched.ndim == 2
    photo = np.asarray(render(single, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    blue = (photo[..., 2] > photo[..., 0] + 60) & (photo[..., 2] > 100)
    assert blue.sum() > 2000  # the pen's barrel
    assert blue[: photo.shape[0] // 2].sum() == 0  # lying across the lower part
    recycled = np.asarray(render(single, 0, SCANS[2], seed=3), dtype=int)
    assert recycled.ndim == 2
    h, w = recycled.shape
    margin = recycled[h // 2 : h // 2 + 200, w - 40 : w - 10]
    assert 205 < np.median(margin) < 240  # grey-beige paper, not white
    assert (recycled[20:-20, 20:-20] < 190).mean() > 0.0005  # flecks and fibres, and the print
    data, fmt, _ = ai_scanned(single, 0)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "L"
    data, fmt, _ = ai_scanned(single, 1)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = ai_scanned(single, 2)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ai_scanned(single, 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    double = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = ai_scanned(double, 2)
    assert fmt == "pdf"
    assert data[:4] == b"%PDF"


def digest() -> str:
    samples = build_ai(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ai_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ai") == digest()


def test_family_ai_is_trained_on_only_as_a_read_family() -> None:
    """AI is seen since round 29 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AI" in read_families.READ
    assert "corpus_blind_ai" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ai", "AI")


# -- the reader on AI (seen since round 29, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ai_score(
    family: list[AISample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 70% (21/30), original creditor 2/2, reference 97% "
    "(29/30), balance 100% (30/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 3/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusai "
    "off 95303a1 = main's round-26 reader, shipped classifier and field ranker 2026-12-05.26; "
    "on 76 documents creditor 42/60 and claim no. 6/8: benchmarks/OCR.md, 'Family AI')"
)
"""The first measurement, blind (38 documents here): every floor met but the creditor and
the claim number."""
ROUND_29 = (
    "class 38/38 and every field 100% (creditor 30/30, reference 30/30, claim no. 4/4 ...): "
    "rules of round 29, models 2026-12-05.28 and .29"
)
"""As shipped after round 29, which read AI's misses (training-side): the creditor meets
its floor (a plain assertion; captions that name the paper, a bundle's or a card's, read
as no name; a label after a sentence in a log's note; values under a row of labels one of
which wraps)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the floors of the fields that every debt letter states: a collapse, not a
small loss."""


def test_family_ai_is_read_above_a_collapse_floor(ai_score: Score) -> None:
    print("\n" + ai_score.table("family AI (seen since round 29), perfect text"))
    assert ai_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ai_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ai_meets_the_floor(ai_score: Score, field: str) -> None:
    """Seen since round 29, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_29 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(ai_score.accuracy(field), field), field
