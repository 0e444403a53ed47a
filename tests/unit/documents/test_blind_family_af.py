# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AF (``corpus_blind_af.py``), written blind in a twenty-sixth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB, AC, AD and AE) and read since
round 30: the family itself (every class, ground truth printed, deterministic, laid out on
the page, each setting as it says), that it is trained on only as a read family, and the
reader on it on perfect text as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_af_ocr.py; the
figures are in benchmarks/OCR.md ("Family AF"). Two documents a class keep this module to a
few seconds; the benchmark reads four."""

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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_af, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_af import (
    DATE_SHAPES,
    MINUS,
    SCANS,
    TEMPLATES,
    AFSample,
    af_pages,
    af_scanned,
    af_text,
    bracketed,
    build_af,
    padded,
    page_size,
    plain,
    render,
    signed,
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
           "corpus_blind_ad", "corpus_blind_ae", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB, AC, AD and AE (and the
statements corpus); searched by the new-words test (AE's was read for its conventions as
the task allowed, the others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AFSample]:
    return build_af(2)


@pytest.fixture(scope="module")
def every() -> list[AFSample]:
    return build_af(4)


@pytest.fixture(scope="module")
def texts(family: list[AFSample]) -> dict[str, str]:
    return {s.name: af_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AFSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: af_pages(s) for s in family}


def test_every_class_has_family_af_with_the_fields_it_yields(
    family: list[AFSample], every: list[AFSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AF")
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
    assert re.search(r"^\+ .*-{20,}.*\+$", text, re.M)  # the ascii box
    assert "Then and now" in text  # the comparison
    assert "What this means for you" in text  # the explained table
    assert "For anyone helping you with this letter" in text  # the adviser's page
    assert "This notice tells you:" in text  # the cloze form
    assert "Hourly pay statement" in text
    assert "Statutory Sick Pay" in text
    assert MINUS in text
    assert re.search(r"\(\d[\d,]*\.\d\d\)", text)
    assert re.search(
        r"\b0\d(st|nd|rd|th) [A-Z][a-z]+ 20\d\d\b", "\n".join(af_text(s) for s in every)
    )
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) 20\d\d-\d\d-\d\d\b", text)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]{2} '\d\d\b", text)
    assert {s.style.face for s in family} == {"narrow", "serif", "cond"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert sum(len(s.pages) == 2 for s in family) >= 4
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "04th December 2026",
        "Fri 2026-12-04",
        "4th Dec '26",
    ]
    assert DATE_SHAPES[0](dt.date(2026, 1, 22)) == "22nd January 2026"
    assert DATE_SHAPES[0](dt.date(2026, 1, 11)) == "11th January 2026"
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "03rd September 2025"
    assert DATE_SHAPES[1](dt.date(2025, 9, 3)) == "Wed 2025-09-03"
    assert DATE_SHAPES[2](dt.date(2025, 9, 1)) == "1st Sep '25"
    assert plain(123_456) == "1,234.56"
    assert padded(123_456) == "£0001234.56"
    assert padded(5) == "£0000000.05"
    assert signed(-123_456) == "\u22121,234.56"
    assert signed(250) == "2.50"
    assert bracketed(-123_456) == "(1,234.56)"
    assert bracketed(99) == "0.99"


def _amount(text: str) -> int:
    m = re.fullmatch(rf"([{MINUS}(]?)([\d,]+)\.(\d\d)\)?", text)
    assert m, text
    sign = -1 if m[1] else 1
    return sign * (int(m[2].replace(",", "")) * 100 + int(m[3]))


def _cells(sample: AFSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AFSample]) -> None:
    """Grouped by day: the opening balance and every amount come to the closing balance
    in the box at the top, and money in and out agree. With a running balance: each
    balance is the one before it plus what came in less what went out, brackets read as
    overdrawn, the closing balance agrees. Half the statements start overdrawn."""
    seen = overdrawn = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        boxed = {r[0].text: _amount(r[1].text) for r in rows if len(r) == 2 and r[0].text in ("Opening balance", "Money in", "Money out", "Closing balance")}  # fmt: skip
        if "Money in" in boxed:
            amounts = [
                _amount(r[2].text)
                for r in rows
                if len(r) == 3 and re.fullmatch(r"\d\d:\d\d", r[0].text)
            ]
            assert len(amounts) == 9
            assert boxed["Opening balance"] + sum(amounts) == boxed["Closing balance"], sample.name
            assert boxed["Money in"] == sum(a for a in amounts if a > 0)
            assert boxed["Money out"] == sum(a for a in amounts if a < 0)
            overdrawn += boxed["Opening balance"] < 0
            continue
        lines = [r for r in rows if r and re.fullmatch(r"\d\d [A-Z][a-z]{2}", r[0].text)]
        assert lines[0][1].text == "Opening balance", sample.name
        running = _amount(lines[0][-1].text)
        overdrawn += running < 0
        for row in lines[1:]:
            out = row[2].x < 0.7
            running += -_amount(row[2].text) if out else _amount(row[2].text)
            assert _amount(row[3].text) == running, sample.name
        closing = next(r for r in rows if r and r[0].text == "Closing balance")
        assert _amount(closing[-1].text) == running, sample.name
    assert seen == 4
    assert overdrawn == 2


def test_a_payslip_adds_up(every: list[AFSample]) -> None:
    """The shifts come to the hours pay; gross less the deductions is the net pay."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        money = {r[0].text: _amount(r[-1].text) for r in rows if r and r[-1].align == "right" and re.fullmatch(rf"[{MINUS}]?[\d,]+\.\d\d", r[-1].text)}  # fmt: skip
        if "Hours pay" in money:
            shifts = [_amount(r[3].text) for r in rows if len(r) == 4 and re.fullmatch(r"[A-Z][a-z]{2} \d\d [A-Z][a-z]{2}", r[0].text)]  # fmt: skip
            assert sum(shifts) == money["Hours pay"], sample.name
            gross, net = money["Gross for the period"], money["Net pay to your bank"]
            assert money["Hours pay"] + money["Tronc (pooled tips)"] == gross
            assert gross + money["Income tax"] + money["National Insurance"] == net
        else:
            gross, net = money["Total gross pay"], money["Net salary"]
            assert money["Salary for days worked"] + money["Statutory Sick Pay"] == gross
            assert gross + money["PAYE income tax"] + money["Employee NI"] + money["Workplace pension"] == net  # fmt: skip
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AFSample]) -> None:
    """The ascii box holds the reference and the zero-padded sum in capitals between its
    bars; the comparison's "now" column holds the true sum and its last-letter column
    another; the explained table has three columns and the reference in the figure's;
    the headline states the reference and the sum in bold before the salutation; the
    adviser's letter keeps its reference and sum off page 1; the cloze form types each
    into a box of its own in a line of text, above the salutation."""
    seen = dict.fromkeys(("ascii", "comparison", "explained", "headline", "adviser", "cloze"), 0)
    for sample in every:
        text = af_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        if any(r and r[0].text == "+" for r in rows):
            seen["ascii"] += 1
            assert text == text.upper(), sample.name
            boxed = [r for r in rows if r and r[0].text == "|"]
            assert len(boxed) >= 4
            inside = " ".join(c.text for r in boxed for c in r)
            if ref:
                assert ref.upper() in inside, sample.name
            if owed is not None:
                assert padded(owed) in inside, sample.name
        if "Then and now" in text:
            seen["comparison"] += 1
            head = next(r for r in rows if r and r[0].text == "At our last letter")
            assert head[1].text == "Now"
            if owed is not None:
                row = next(
                    r for r in rows if any(c.text == corpus_blind_af.pounds(owed) for c in r)
                )
                assert row[-1].text == corpus_blind_af.pounds(owed)
                assert row[-1].bold
                assert row[-2].text != row[-1].text, sample.name
        if "What this means for you" in text:
            seen["explained"] += 1
            head = next(r for r in rows if r and r[0].text == "What it is")
            assert [c.text for c in head] == ["What it is", "The figure", "What this means for you"]
            if ref:
                row = next(r for r in rows if any(c.text == ref for c in r))
                assert next(c for c in row if c.text == ref).x == head[1].x, sample.name
        salute = next(k for k, r in enumerate(rows) if r and r[0].text.upper().startswith("DEAR "))
        if len(sample.pages) == 1 and all(r[0].text != "+" for r in rows if r) and "Then and now" not in text and "What this means" not in text and "This notice tells you:" not in text:  # fmt: skip
            seen["headline"] += 1
            before = [
                r for r in rows[:salute] if r and r[0].bold and r[0].size > sample.style.point
            ]
            said = " ".join(c.text for r in before for c in r)
            if ref:
                assert ref in said, sample.name
            if owed is not None:
                assert corpus_blind_af.pounds(owed) in said, sample.name
        if len(sample.pages) == 2:
            seen["adviser"] += 1
            one = " ".join(c.text for r in rows for c in r)
            two = " ".join(c.text for r in _cells(sample, 1) for c in r)
            assert "For anyone helping you with this letter" in two
            if ref:
                assert ref not in one, sample.name
                assert ref in two, sample.name
            if owed is not None:
                assert corpus_blind_af.pounds(owed) not in one, sample.name
                assert corpus_blind_af.pounds(owed) in two, sample.name
        if "This notice tells you:" in text:
            seen["cloze"] += 1
            boxes = [
                r for r in sample.rects[0] if r.outline and r.first == r.last and r.x1 - r.x0 < 0.84
            ]
            boxed = [c for b in boxes for c in rows[b.first] if b.x0 < c.x < b.x1]
            assert len(boxed) >= 4
            assert boxes[-1].last < salute
            if ref:
                assert ref in [c.text for c in boxed], sample.name
            if owed is not None:
                assert corpus_blind_af.pounds(owed) in [c.text for c in boxed], sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AF's own wording as written in ``corpus_blind_af`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_af))):
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


STATE = ("Department for Work and Pensions", "Veterans UK")
"""Public bodies every family may name: not AF's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_af_is_in_an_earlier_family() -> None:
    """AF is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB, AC, AD and AE,
    nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    af = corpus_blind_af
    orgs = [o for o in vars(af).values() if isinstance(o, af.Org)]
    orgs += [
        o for v in vars(af).values() if isinstance(v, tuple) for o in v if isinstance(o, af.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in af.PEOPLE),
        *(street for street, _, _ in af.ADDRESSES),
        "Then and now", "What this means for you", "For anyone helping you with this letter",
        "This notice tells you:", "Hourly pay statement", "Tronc (pooled tips)",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 4, shared


def test_every_true_value_is_printed_on_the_document(every: list[AFSample]) -> None:
    for sample in every:
        for text in (af_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AFSample], every: list[AFSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: af_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AFSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    foxed = np.asarray(render(single, 0, SCANS[0], seed=3), dtype=int)
    assert foxed.ndim == 3
    paper = foxed[foxed.sum(axis=2) > 540]
    assert (paper[:, 0] - paper[:, 2]).mean() > 20  # yellowed
    # foxing: rust-brown pixels away from the ink (red well above blue, not dark)
    rust = (foxed[:, :, 0] - foxed[:, :, 2] > 50) & (foxed[:, :, 0] > 140)
    assert rust.mean() > 0.0005
    jagged = render(single, 0, SCANS[1], seed=3)
    assert jagged.mode == "L"
    width, _ = page_size(single, SCANS[1].dpi)
    assert abs(jagged.size[0] - width) < 0.03 * width
    # nearest-neighbour: a one-pixel checkerboard halves to one flat grey (a smooth
    # resampling would average it to the mid grey)
    checker = Image.fromarray((np.indices((40, 40)).sum(axis=0) % 2 * 255).astype(np.uint8))
    halved = np.asarray(corpus_blind_af._jagged(checker.convert("RGB"), 0.0))
    assert len(np.unique(halved)) == 1
    assert halved[0, 0] in (0, 255)
    dim = np.asarray(render(single, 0, SCANS[2], seed=3), dtype=float)
    assert dim.ndim == 3
    assert dim.mean() < 170  # underexposed
    bright = dim[dim.sum(axis=2) > 300]
    assert (bright[:, 2] - bright[:, 0]).mean() > 5  # the cool cast
    assert bright[:, 1].std() > 4  # the grain
    data, fmt, _ = af_scanned(single, 0)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "RGB"
    data, fmt, _ = af_scanned(single, 1)
    assert fmt == "png"
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = af_scanned(single, 4)
    assert "dpi" in Image.open(io.BytesIO(data)).info
    assert Image.open(io.BytesIO(data)).mode == "L"
    data, fmt, _ = af_scanned(single, 2)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    double = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = af_scanned(double, 2)
    assert fmt == "pdf"
    assert data[:4] == b"%PDF"


def digest() -> str:
    samples = build_af(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{af_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_af") == digest()


def test_family_af_is_trained_on_only_as_a_read_family() -> None:
    """AF is seen since round 30 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AF" in read_families.READ
    assert "corpus_blind_af" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_af", "AF")


# -- the reader on AF (seen since round 30, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def af_score(
    family: list[AFSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 100% (30/30), original creditor 2/2, reference 97% "
    "(29/30), balance 90% (27/30), letter date 97% (35/36), deadline 96% (23/24), claim no. "
    "4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusaf off "
    "caf19de = main's round-25 reader, shipped classifier and field ranker 2026-12-05.25; "
    "on 76 documents: benchmarks/OCR.md, 'Family AF')"
)
"""The first measurement, blind (38 documents here): every floor met, balance at it
exactly; the balance fell under it with round 26's rules (main after its merge, models
2026-12-05.26: 52/60 on the benchmark's 76 documents, 54/60 before; AF was never shown to
round 26) and was a strict xfail until round 30."""
ROUND_30 = (
    "class 38/38 and every field 100% (balance 30/30, reference 30/30, letter date 36/36, "
    "deadline 24/24, claim no. 4/4 ...): rules of round 30, models 2026-12-05.28 and .30"
)
"""As shipped after round 30, which read AF's misses (training-side): the balance meets its
floor again (a plain assertion; figures beside the last letter's, a column explaining each
figure, the claim's number named after "of", a lettered reference ending its sentence)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the first measurement of the fields that every debt letter states (100%, 90%
and 97% here): a collapse, not a small loss."""


def test_family_af_is_read_above_a_collapse_floor(af_score: Score) -> None:
    print("\n" + af_score.table("family AF (seen since round 30), perfect text"))
    assert af_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (af_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_af_meets_the_floor(af_score: Score, field: str) -> None:
    """Seen since round 30, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_30 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(af_score.accuracy(field), field), field
