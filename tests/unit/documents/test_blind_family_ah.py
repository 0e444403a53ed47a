# ruff: noqa: E501  (the checks read better unwrapped)
"""Held-out family AH (``corpus_blind_ah.py``), written blind in a twenty-eighth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF and AG): the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says) and that it is never trained on, and the reader measured on it (blind:
aggregates only) on perfect text as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_ah_ocr.py; the
figures are in benchmarks/OCR.md ("Family AH"). Two documents a class keep this module to a
few seconds; the benchmark reads four."""

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
    assert_never_trained_on,
    assert_words_on_page,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_ah, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ah import (
    DATE_SHAPES,
    EXEMPT,
    PHONE,
    SCANS,
    SEED,
    TEMPLATES,
    AHSample,
    ah_pages,
    ah_scanned,
    ah_text,
    build_ah,
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
           "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF and AG (and the
statements corpus); searched by the new-words test (AG's was read for its conventions as
the task allowed, the others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AHSample]:
    return build_ah(2)


@pytest.fixture(scope="module")
def every() -> list[AHSample]:
    return build_ah(4)


@pytest.fixture(scope="module")
def texts(family: list[AHSample]) -> dict[str, str]:
    return {s.name: ah_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AHSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ah_pages(s) for s in family}


def test_every_class_has_family_ah_with_the_fields_it_yields(
    family: list[AHSample], every: list[AHSample], texts: dict[str, str]
) -> None:
    assert SEED == 3211
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AH")
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
    alltext = "\n".join(ah_text(s) for s in every)
    assert "Screenshot_" in text
    assert "< Inbox" in text
    assert "DISCLOSURE COPY" in text
    assert EXEMPT in text
    assert "Where things go from here" in text
    assert "Step 3" in text
    assert "How to contact us" in text
    assert "Your account in detail" in text
    assert "CERTIFICATE" in text
    assert "I certify that:" in text
    assert "ACCOUNT RECORD CARD" in text
    assert "Wage slip" in alltext
    assert "Seasonal staff pay statement" in alltext
    assert "BALANCE CARRIED FORWARD" in alltext
    assert "Closing balance" in alltext
    assert re.search(r"\d\.\d\d D\b", alltext)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2}, 20\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}-\d{1,2}-20\d\d\b", alltext)
    assert re.search(r"\b[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"caladea", "light", "narrow"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert sum(len(s.pages) == 2 for s in family) >= 4
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["4 Dec, 2026", "4-12-2026", "Friday, 4 December 2026"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 23)) == "23 Sep, 2025"
    assert DATE_SHAPES[1](dt.date(2025, 9, 3)) == "3-9-2025"
    assert DATE_SHAPES[2](dt.date(2026, 1, 11)) == "Sunday, 11 January 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"
    assert marked(-123_456) == "1,234.56 D"
    assert marked(99) == "0.99"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([\d,]+)\.(\d\d)( D)?", text)
    assert m, text
    return (-1 if m[3] else 1) * (int(m[1].replace(",", "")) * 100 + int(m[2]))


def _cells(sample: AHSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AHSample]) -> None:
    """Each balance printed is the one before it plus what came in less what went out; "D"
    reads as below nought; where the balance is printed only at the end of a day, it is
    missing from the day's other lines; the closing balance agrees. Half the statements
    start overdrawn."""
    seen = overdrawn = daily = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        start = next(k for k, r in enumerate(rows) if any(c.text in ("BALANCE BROUGHT FORWARD", "Opening balance") for c in r))  # fmt: skip
        balance_cell = right_cell_at(rows[start], 0.93)
        assert balance_cell is not None
        running = _amount(balance_cell.text)
        overdrawn += running < 0
        lines = 0
        for row in rows[start + 1 :]:
            if any(c.text in ("BALANCE CARRIED FORWARD", "Closing balance") for c in row):
                closing = right_cell_at(row, 0.93)
                assert closing is not None, sample.name
                assert _amount(closing.text) == running, sample.name
                break
            out, into = right_cell_at(row, 0.62), right_cell_at(row, 0.77)
            assert (out is None) != (into is None), sample.name
            running += _amount(into.text) if into else -_amount(out.text)  # type: ignore[union-attr]
            shown_ = right_cell_at(row, 0.93)
            if shown_ is None:
                daily += 1
            else:
                assert _amount(shown_.text) == running, sample.name
            lines += 1
        assert lines == 9, sample.name
    assert seen == 4
    assert overdrawn == 2
    assert daily >= 1


def test_a_payslip_adds_up(every: list[AHSample]) -> None:
    """The payments come to the gross, the deductions to their total, and the gross less
    the deductions is the net pay."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        head = next(k for k, r in enumerate(rows) if r and r[0].text == "Item")
        pays, deds = [], []
        for row in rows[head + 1 :]:
            if row and row[0].text == "Totals":
                gross, total = _amount(row[1].text), _amount(row[2].text)
                break
            if (p := right_cell_at(row, 0.62)) is not None:
                pays.append(_amount(p.text))
            if (d := right_cell_at(row, 0.9)) is not None:
                deds.append(_amount(d.text))
        net = next(_amount(r[1].text) for r in rows if r and r[0].text == "Net pay")
        assert sum(pays) == gross, sample.name
        assert sum(deds) == total, sample.name
        assert gross - total == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AHSample]) -> None:
    """The screenshot keeps the letter in the phone's column, each fact in a ruled card; the
    disclosure copy blacks out three details with nothing printed under the bars, each
    tagged; the flowchart boxes each step and ranges its value right; the booklet puts the
    reference on page 4 (left of page 1), the date on page 1 and the facts on page 2; the
    certificate sets the facts as lettered clauses inside a double border; the record card
    types the facts right of a red margin line under pale blue rules."""
    seen = dict.fromkeys(("screenshot", "redacted", "flowchart", "booklet", "certificate", "card"), 0)  # fmt: skip
    for sample in every:
        text = ah_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        cells = [c for r in rows for c in r]
        if "Screenshot_" in text:
            seen["screenshot"] += 1
            x0, x1 = PHONE
            assert all(x0 <= c.x <= x1 for r in rows[1:] for c in r), sample.name
            if owed is not None:
                k = next(k for k, r in enumerate(rows) if any(c.text == pounds(owed) for c in r))
                assert any(r.outline and r.first <= k <= r.last and r.x1 - r.x0 < 0.4 for r in sample.rects[0]), sample.name  # fmt: skip
        if "DISCLOSURE COPY" in text:
            seen["redacted"] += 1
            bars = [r for r in sample.rects[0] if r.fill == 12]
            assert len(bars) == 4, sample.name
            for bar in bars:
                for row in rows[bar.first : bar.last + 1]:
                    assert not any(bar.x0 <= c.x < bar.x1 for c in row), sample.name
            assert text.count(EXEMPT) == 3
            if ref:
                assert ref in [c.text for c in cells], sample.name
        if "Where things go from here" in text:
            seen["flowchart"] += 1
            steps = [k for k, r in enumerate(rows) if r and r[0].text.startswith("Step ")]
            assert len(steps) >= 3
            for k in steps:
                assert any(r.outline and r.first == k for r in sample.rects[0]), sample.name
            if owed is not None:
                cell = next(c for c in cells if c.text == pounds(owed))
                assert cell.align == "right", sample.name
                assert cell.x == 0.78, sample.name
        if "How to contact us" in text:
            seen["booklet"] += 1
            assert sample.style.landscape
            assert len(sample.pages) == 2
            outside, inside = rows, _cells(sample, 1)
            assert [c.text for c in outside[-1]] == ["4", "1"]
            assert [c.text for c in inside[-1]] == ["2", "3"]
            if ref:
                assert any(c.text == ref and c.x < 0.5 for r in outside for c in r), sample.name
            if truth.letter_date:
                assert any(c.text in [s(truth.letter_date) for s in DATE_SHAPES] and c.x > 0.5 for r in outside for c in r), sample.name  # fmt: skip
            if owed is not None:
                assert any(c.text == pounds(owed) and c.x < 0.5 for r in inside for c in r), sample.name  # fmt: skip
        if "I certify that:" in text:
            seen["certificate"] += 1
            border = [r for r in sample.rects[0] if r.outline and r.x1 - r.x0 > 0.8]
            assert len(border) == 2, sample.name
            clauses = [c.text for r in rows for c in r[:1] if re.fullmatch(r"\([a-j]\)", c.text)]
            assert clauses[:2] == ["(a)", "(b)"], sample.name
            if ref:
                assert f"the {_lower(sample, ref)}" in " ".join(text.split()), sample.name
        if "ACCOUNT RECORD CARD" in text:
            seen["card"] += 1
            colours = [line.colour for line in sample.rules[0]]
            assert colours.count("blue") >= 4, sample.name
            assert colours.count("red") == 2, sample.name
            if ref:
                assert any(c.text == ref and c.x == 0.43 for c in cells), sample.name
    assert min(seen.values()) >= 8, seen


def _lower(sample: AHSample, ref: str) -> str:
    """The certificate's clause for the reference ("the claim number is ...")."""
    label = next(
        c.text
        for r in _cells(sample)
        for c in r
        if c.text.endswith(f" is {ref};") or c.text.endswith(f" is {ref}.")
    )
    return label.split("the ", 1)[1] if label.startswith("the ") else label


def phrases() -> tuple[list[str], list[str]]:
    """AH's own wording as written in ``corpus_blind_ah`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ah))):
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


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not AH's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ah_is_in_an_earlier_family() -> None:
    """AH is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF
    and AG, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ah = corpus_blind_ah
    orgs = [o for o in vars(ah).values() if isinstance(o, ah.Org)]
    orgs += [
        o for v in vars(ah).values() if isinstance(v, tuple) for o in v if isinstance(o, ah.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ah.PEOPLE),
        *(street for street, _, _ in ah.ADDRESSES),
        "ACCOUNT RECORD CARD", "Where things go from here", "Your account in detail",
        "Seasonal staff pay statement", "Staff accommodation offset", EXEMPT,
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 6, shared


def test_every_true_value_is_printed_on_the_document(every: list[AHSample]) -> None:
    for sample in every:
        for text in (ah_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AHSample], every: list[AHSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ah_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AHSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    flat = np.asarray(corpus_blind_ah._draw(single, 0, SCANS[0].dpi).convert("L"), dtype=int)
    # the judder: on a page of upright bars, runs of rows are pushed sideways
    bars = np.full((600, 400), 255, dtype=np.uint8)
    bars[:, 100:104] = 0
    out = np.asarray(corpus_blind_ah._judder(Image.fromarray(bars).convert("RGB"), random.Random(3), 0.0))  # fmt: skip
    lefts = {int(np.argmax(row < 128)) for row in out}
    assert len(lefts) >= 3
    assert max(lefts) - min(lefts) <= 2 * corpus_blind_ah.JUDDER
    judder = np.asarray(render(single, 0, SCANS[0], seed=3), dtype=int)
    assert judder.ndim == 2
    assert abs(judder.shape[0] - flat.shape[0]) < 40
    ear = np.asarray(render(single, 0, SCANS[1], seed=3), dtype=float)
    assert ear.ndim == 3
    h, w = ear.shape[:2]
    corner, middle = ear[h - h // 40 :, w - w // 40 :].mean(), ear[h // 3 : h // 2, w // 3 : w // 2].mean()  # fmt: skip
    assert corner < 100 < middle  # the desk shows where the corner folded away
    sheared = render(single, 0, SCANS[2], seed=3)
    assert sheared.mode == "L"
    assert sheared.size[0] > page_size(single, SCANS[2].dpi)[0] + 20  # the page leans
    stripe = np.full((800, 300), 255, dtype=np.uint8)
    stripe[:, 50:54] = 0
    lean = np.asarray(corpus_blind_ah._shear(Image.fromarray(stripe).convert("RGB"), random.Random(3), 0.0))  # fmt: skip
    assert int(np.argmax(lean[-1] < 128)) - int(np.argmax(lean[0] < 128)) >= 5
    data, fmt, _ = ah_scanned(single, 0)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "L"
    data, fmt, _ = ah_scanned(single, 1)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = ah_scanned(single, 2)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ah_scanned(single, 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    double = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = ah_scanned(double, 2)
    assert fmt == "pdf"
    assert data[:4] == b"%PDF"


def digest() -> str:
    samples = build_ah(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ah_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ah") == digest()


def test_family_ah_is_never_used_to_train_or_calibrate() -> None:
    assert_never_trained_on("corpus_blind_ah", "AH")


# -- the reader on AH (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def ah_score(
    family: list[AHSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 93% (28/30), original creditor 1/2, reference 100% "
    "(30/30), balance 100% (30/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 1/2, frequency 4/4, served 2/2 (branch corpusah "
    "off 6360646 = main's round-26 reader, shipped classifier and field ranker 2026-12-05.26; "
    "on 76 documents original creditor 2/4 and gross 2/4: benchmarks/OCR.md, 'Family AH')"
)
"""The first measurement (38 documents here): every floor met but the original creditor
and the gross pay."""
UNMET: frozenset[str] = frozenset()
"""The floors not met (strict xfails below). At the first measurement the original
creditor; met since round 38 (AN's and AO's kinds, not AH's: AH was not read), so a plain
assertion now."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the floors of the fields that every debt letter states: a collapse, not a
small loss (why any of them is low is not looked into: AH is blind)."""


def test_family_ah_is_read_above_a_collapse_floor(ah_score: Score) -> None:
    print("\n" + ah_score.table("held-out family AH (written blind), perfect text"))
    assert ah_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ah_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, UNMET, f"AH blind, first measurement under the issue's floor: {FIRST}"),
)
def test_family_ah_meets_the_floor(ah_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(ah_score.accuracy(field), field), field
