# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AW (``corpus_blind_aw.py``), written blind in a forty-second hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL and AN to AU) and read since
round 42: the family itself (every class, ground truth printed, deterministic, laid out on
the page, each setting as it says), that it is trained on only as a read family, and the
reader on it on perfect text as the product reads (the shipped classifier and field
ranker), held to the counts reached in round 42. The OCR sample is in
tests/integration/ocr/test_blind_family_aw_ocr.py; the figures are in benchmarks/OCR.md
("Family AW", and "Round 42", which read AW's misses: every figure on AW since is a
training-side figure). Two documents a class keep this module to a few seconds; the
benchmark reads four."""

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
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    amount_pence,
    assert_only_read_family,
    assert_words_on_page,
    cells_within,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_aw,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_aw import (
    ALL_SHAPES,
    SCANS,
    SEED,
    SQUARES,
    TEMPLATES,
    AWSample,
    aw_pages,
    aw_scanned,
    aw_text,
    build_aw,
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
           "corpus_blind_ah", "corpus_blind_ai", "corpus_blind_aj", "corpus_blind_ak",
           "corpus_blind_al", "corpus_blind_an", "corpus_blind_ao", "corpus_blind_ap",
           "corpus_blind_aq", "corpus_blind_ar", "corpus_blind_as", "corpus_blind_at",
           "corpus_blind_au", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL and AN to AU (and the
statements corpus), searched by the new-words test. AV, written at the same time by
another hand, is not among them: the two share one title ("Your car finance payments are
behind"), found when AV was added to this list after both were merged; the wording of
neither was changed after its measurement."""


@pytest.fixture(scope="module")
def family() -> list[AWSample]:
    return build_aw(2)


@pytest.fixture(scope="module")
def every() -> list[AWSample]:
    return build_aw(4)


@pytest.fixture(scope="module")
def texts(family: list[AWSample]) -> dict[str, str]:
    return {s.name: aw_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AWSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: aw_pages(s) for s in family}


def test_every_class_has_family_aw_with_the_fields_it_yields(
    family: list[AWSample], every: list[AWSample], texts: dict[str, str]
) -> None:
    assert SEED == 4760
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AW")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(aw_text(s) for s in every)
    for words in ("Yours sincerely,", "Payslip", "Line-four nights premium", "Take-home pay", "Pay advice", "Sleep-in shifts",
                  "Paid into your bank account", "Everyday current account", "Money out", "Money in",
                  "Balance carried forward", "Share account statement", "Opening shares", "Closing shares"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday) \d\d\.\d\d\.\d\d\b", alltext)
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert re.search(rf"\b\d{{1,2}}-({months})-20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "caladea", "dvsans"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["Friday 04.12.26", "4-December-2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "Monday 22.09.25"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "2-March-2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _cells(sample: AWSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AWSample]) -> None:
    """The bank's lines: each balance the one before, money in less money out; the credit
    union's: each shares balance the one before plus the signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money out" in aw_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    amount = amount_pence(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
        else:
            start = next(r for r in rows if r and r[0].text == "Opening shares")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing shares")
        assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AWSample]) -> None:
    """The plant's earnings come to the gross pay, its deductions to their total, the
    difference the take-home pay; the care home's "Pay" lines to the total before
    deductions, its "Less" lines to the deductions, the difference paid into the bank.
    Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        money = [(r[0].text, amount_pence(r[-1].text)) for r in rows if r and r[-1].align == "right" and re.fullmatch(r"-?[\d,]+\.\d\d", r[-1].text)]  # fmt: skip
        if "Take-home pay" in aw_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross pay")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Deductions")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Deductions in total")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = dict(money)["Take-home pay"]
        else:
            pays = sum(amount for what, amount in money if what == "Pay")
            cuts = sum(amount for what, amount in money if what == "Less")
            gross, off = dict(money)["Total pay before deductions"], dict(money)["Total deductions"]
            net = dict(money)["Paid into your bank account"]
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"square": "chessboard", "bubble": "comic", "bar": "gantt", "book": "books", "carriage": "train", "stone": "stones"}  # fmt: skip


def _setting(sample: AWSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: AWSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "chessboard":
        squares = [m for m in marks if m.kind == "square"]
        board = next(m for m in marks if m.kind == "board")
        assert len(squares) >= 6, sample.name
        assert len(squares) % 3 == 0, sample.name
        assert {(m.x0, m.x1) for m in squares} == set(SQUARES), sample.name
        for m in squares:
            assert board.row <= m.row, sample.name
            assert (m.last or 0) <= (board.last or 0), sample.name
            twin = (
                next(o for o in squares if o.row == m.row and abs(o.x0 - m.x1) < 0.001)
                if m.x1 < 0.85
                else None
            )
            assert twin is None or twin.shade != m.shade, sample.name  # dark and light in turn
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            if cells:
                assert cells[0].size < 8, sample.name
                assert not cells[0].bold, sample.name
                assert cells[-1].bold, sample.name
                held += [c.text for c in cells]
    elif kind == "comic":
        panels = [m for m in marks if m.kind == "panel"]
        bubbles = [m for m in marks if m.kind == "bubble"]
        assert len(panels) == len(bubbles) >= 4, sample.name
        assert {m.shade for m in bubbles} == {0, 1}, sample.name
        for m in bubbles:
            panel = max(
                (p for p in panels if p.row <= m.row and p.x0 <= m.x0 and m.x1 <= p.x1),
                key=lambda p: p.row,
            )
            assert (m.last or 0) <= (panel.last or 0), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert all(c.align == "centre" for c in cells), sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "gantt":
        bars = [m for m in marks if m.kind == "bar"]
        assert len(bars) >= 4, sample.name
        assert len({m.x0 for m in bars}) >= 3, sample.name  # the bars start at different weeks
        for m in bars:
            on = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            task = cells_within(rows, m.row, m.last or m.row, 0.0, 0.35)
            assert on, sample.name
            assert task, sample.name
            assert all(c.bold for c in on), sample.name
            assert all(not c.bold and c.size < 8 for c in task), sample.name
            held += [c.text for c in on]
    elif kind == "books":
        books = [m for m in marks if m.kind == "book"]
        assert len(books) >= 4, sample.name
        assert len({round(m.x1 - m.x0, 4) for m in books}) >= 3, sample.name
        for m in books:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert {c.bold for c in cells if c.x >= 0.45} == {True}, sample.name
            assert {c.bold for c in cells if c.x < 0.43} == {False}, sample.name
            held += [c.text for c in cells]
    elif kind == "train":
        cars = [m for m in marks if m.kind == "carriage"]
        assert len(cars) >= 4, sample.name
        assert [m.shade for m in cars].count(1) == 1, sample.name
        assert cars[0].shade == 1, sample.name
        assert any(m.kind == "rails" for m in marks), sample.name
        for m in cars:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "stones":
        stones = [m for m in marks if m.kind == "stone"]
        stream = next(m for m in marks if m.kind == "stream")
        assert len(stones) >= 4, sample.name
        assert [m.x0 for m in stones[:2]] != [stones[0].x0] * 2, sample.name
        for m in stones:
            assert stream.row <= m.row, sample.name
            assert (m.last or 0) <= (stream.last or 0), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, 0.0, 1.0)
            assert all(
                c.align == "centre" and abs(c.x - (m.x0 + m.x1) / 2) < 0.001 for c in cells
            ), sample.name
            held += [c.text for c in cells]
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AWSample]) -> None:
    """Each square of the board a label over its value, dark and light in turn; each
    comic bubble in its panel, its lines centred; each Gantt bar holding a bold value,
    the task's label at the left, the bars starting at different weeks; each book a label
    and a bold value, the books of different lengths; one engine at the head of the train;
    the stones in the stream, their lines centred on them. Every setting holds the sum and
    the reference."""
    seen = dict.fromkeys(SETTINGS.values(), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AW's own wording as written in ``corpus_blind_aw`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_aw))):
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


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Coventry", "Coventry City Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Coventry court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_aw_is_in_an_earlier_family() -> None:
    """AW is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL and AN to AU, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_aw
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Line-four nights premium", "Sleep-in shifts", "Opening shares",
        "Coventry", "Canley", "Foleshill", "Allesley", "Earlsdon", "Hillfields", "Whoberley", "Wyken", "Cheylesmore",
        "Keresley", "Binley", "Coundon", "Stoke Aldermoor", "Tile Hill", "Spon End", "chessboard", "comic",
        "speech bubble", "gantt", "stack of books", "stepping stone", "locomotive", "mould", "crayon", "grease",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AWSample]) -> None:
    for sample in every:
        for text in (aw_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AWSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: aw_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AWSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_aw._draw(sample, 0, SCANS[0].dpi), dtype=float)
    mouldy = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert mouldy.ndim == 3
    assert mouldy.shape[0] >= clean.shape[0]
    yellowed = mouldy[..., 0] - mouldy[..., 2]
    assert yellowed.max() > 25  # the damp stain is yellow-brown: red above blue somewhere
    crayoned = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert crayoned.ndim == 3
    assert np.abs(crayoned[..., 0] - crayoned[..., 2]).max() > 60  # a coloured crayon
    greasy = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert greasy.ndim == 2
    data, fmt, _ = aw_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = aw_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aw_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aw_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_crayon_crosses_only_a_line_with_no_true_value(family: list[AWSample]) -> None:
    """The rows the crayon may cross in the page's body hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_aw._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_aw(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{aw_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_aw") == digest()


def test_family_aw_is_trained_on_only_as_a_read_family() -> None:
    """AW is seen since round 42 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AW" in read_families.READ
    assert "corpus_blind_aw" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_aw", "AW")


# -- the reader on AW (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def aw_score(
    family: list[AWSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 29/30, original creditor 1/2, reference 30/30, balance "
    "29/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusaw off 580d3b3c = main after round 40's "
    "merges, shipped classifier and field ranker; on 76 documents class 76/76, creditor "
    "58/60, original creditor 2/4, reference 60/60, balance 58/60, letter date 72/72: "
    "benchmarks/OCR.md, 'Family AW')"
)
"""The first measurement (38 documents here): every floor met but the original
creditor's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 42 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"original_creditor"})
"""The issue's floors not met at the first measurement, blind; since round 42
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_aw_is_read_at_least_as_well_as_first_measured(aw_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + aw_score.table("family AW (seen since round 42), perfect text"))
    assert aw_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert aw_score.totals[field] == total, field
        assert aw_score.hits[field] >= hits, (field, aw_score.hits[field], hits)


ROUND_42 = "every floor met (rules of round 42, models 2026-12-06.34); counts in MEASURED"
"""After round 42, which read AW's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 42 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AW after round 42, under the issue's floor: {ROUND_42}"),
)
def test_family_aw_meets_the_floor(aw_score: Score, field: str) -> None:
    """Seen since round 42, so a regression check of a training-side figure: ROUND_42
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(aw_score.accuracy(field), field), field
