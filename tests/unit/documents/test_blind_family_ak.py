# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AK (``corpus_blind_ak.py``), written blind in a thirty-first hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG, AH, AI and
AJ) and read since round 33: the family itself (every class, ground truth printed,
deterministic, laid out on the page, each setting as it says), that it is trained on only
as a read family, and the reader on it on perfect text as the product reads (the shipped
classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_ak_ocr.py; the figures are in benchmarks/OCR.md
("Family AK", and "Round 33", which read AK's misses). Two documents a class keep this
module to a few seconds; the benchmark reads four."""

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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_ak, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ak import (
    DATE_SHAPES,
    GREY,
    RECKONER,
    RED,
    SCANS,
    SEED,
    STATEMENT_XS,
    TEMPLATES,
    AKSample,
    Inked,
    ak_pages,
    ak_scanned,
    ak_text,
    build_ak,
    page_size,
    plain,
    pounds,
    render,
    romanian,
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
           "corpus_blind_ah", "corpus_blind_ai", "corpus_blind_aj", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AJ (and the statements corpus);
searched by the new-words test (AJ's was read for its conventions as the task allowed, the
others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AKSample]:
    return build_ak(2)


@pytest.fixture(scope="module")
def every() -> list[AKSample]:
    return build_ak(4)


@pytest.fixture(scope="module")
def texts(family: list[AKSample]) -> dict[str, str]:
    return {s.name: ak_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AKSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ak_pages(s) for s in family}


def test_every_class_has_family_ak_with_the_fields_it_yields(
    family: list[AKSample], every: list[AKSample], texts: dict[str, str]
) -> None:
    assert SEED == 3541
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AK")
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
    alltext = "\n".join(ak_text(s) for s in every)
    assert "columns D to F continue on page 2".casefold() in text.casefold()
    assert "Stimate client," in text
    assert "Your account in debit and credit" in text
    assert "TO PAY" in text
    assert "FOR OFFICE USE ONLY" in text
    assert "Ready reckoner: ways to clear the balance" in text
    assert "Staff pay slip" in alltext
    assert "Pay advice - packhouse staff" in alltext
    assert "Balances printed in red are overdrawn." in alltext
    assert re.search(r"\b(MON|TUE|WED|THU|FRI|SAT|SUN) \d\d [A-Z]{3} 20\d\d\b", alltext)
    assert re.search(r"\b20\d\d-[A-Z][a-z]{2}-\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}/[A-Z][a-z]{2}/20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"schoolbook", "helvetica", "verajavu"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["FRI 04 DEC 2026", "2026-Dec-04", "4/Dec/2026"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "WED 03 SEP 2025"
    assert DATE_SHAPES[1](dt.date(2025, 9, 22)) == "2025-Sep-22"
    assert DATE_SHAPES[2](dt.date(2026, 1, 11)) == "11/Jan/2026"
    assert romanian(day) == "4 decembrie 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"£?([\d,]+)\.(\d\d)", text)
    assert m, text
    return int(m[1].replace(",", "")) * 100 + int(m[2])


def _cells(sample: AKSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def _signed(cell: PrintCell) -> int:
    """A balance: printed in red when overdrawn."""
    red = isinstance(cell, Inked) and cell.ink == RED
    return -_amount(cell.text) if red else _amount(cell.text)


def test_a_statement_adds_up(every: list[AKSample]) -> None:
    """Each balance printed is the one before plus what came in less what went out; a
    balance in red reads as below nought; the closing balance agrees. Half the statements
    start overdrawn, the others carry a type column."""
    xs = STATEMENT_XS
    seen = overdrawn = typed = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        start = next(k for k, r in enumerate(rows) if any(c.text == "Opening balance" for c in r))  # fmt: skip
        opening = right_cell_at(rows[start], xs[5])
        assert opening is not None
        running = _signed(opening)
        overdrawn += running < 0
        typed += any(c.text == "Type" for r in rows for c in r)
        lines = 0
        for row in rows[start + 1 :]:
            if any(c.text == "Closing balance" for c in row):
                closing = right_cell_at(row, xs[5])
                assert closing is not None, sample.name
                assert _signed(closing) == running, sample.name
                break
            if (cell := right_cell_at(row, xs[3])) is not None:
                running -= _amount(cell.text)
            else:
                cell = right_cell_at(row, xs[4])
                assert cell is not None, sample.name
                running += _amount(cell.text)
            shown_ = right_cell_at(row, xs[5])
            assert shown_ is not None, sample.name
            assert _signed(shown_) == running, sample.name
            lines += 1
        assert lines == 9, sample.name
    assert seen == 4
    assert overdrawn == 2
    assert typed == 2


def test_a_payslip_adds_up(every: list[AKSample]) -> None:
    """The additions come to the gross, the deductions to their total, and the gross less
    the deductions is the net pay."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        pays: list[int] = []
        deds: list[int] = []
        totals: tuple[int, int] | None = None
        net = None
        for row in rows:
            if not row:
                continue
            head = row[0].text
            if head == "Totals":
                gross_cell, taken_cell = right_cell_at(row, 0.7), right_cell_at(row, 0.86)
                assert gross_cell is not None
                assert taken_cell is not None
                totals = (_amount(gross_cell.text), _amount(taken_cell.text))
            elif head.startswith("Net pay"):
                net_cell = right_cell_at(row, 0.86)
                assert net_cell is not None
                net = _amount(net_cell.text)
            elif (
                totals is None and (cell := right_cell_at(row, 0.7)) is not None and head != "Item"
            ):
                pays.append(_amount(cell.text))
            elif (
                totals is None and (cell := right_cell_at(row, 0.86)) is not None and head != "Item"
            ):
                deds.append(_amount(cell.text))
        assert totals is not None, sample.name
        assert (sum(pays), sum(deds)) == totals, sample.name
        assert totals[0] - totals[1] == net, sample.name
        assert (totals[0], net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name  # fmt: skip


def test_each_setting_puts_its_facts_where_it_says(every: list[AKSample]) -> None:
    """The spill prints its labels on page 1 and the values on page 2 (the reference and
    the balance nowhere on page 1), each line numbered alike on both; the interlinear puts
    a Romanian line in grey italic under every label; the T account's two sides total
    alike and bring the balance down; the starburst holds the balance; the drop-out form's
    labels and boxes are red and its values black; the reckoner's plans each clear the
    balance."""
    seen = dict.fromkeys(("spill", "interlinear", "taccount", "rosette", "dropout", "reckoner"), 0)
    for sample in every:
        text = ak_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        marks = sample.rules[0]
        if "Columns D to F continue on page 2" in text:
            seen["spill"] += 1
            assert len(sample.pages) == 2, sample.name
            second = _cells(sample, 1)
            first_text = "\n".join(c.text for r in rows for c in r)
            numbers = [r[0].text for r in rows if r and re.fullmatch(r"\d\d", r[0].text)]
            again = [r[0].text for r in second if r and re.fullmatch(r"\d\d", r[0].text)]
            assert numbers == again, sample.name
            assert len(numbers) >= 4, sample.name
            if ref:
                assert ref not in first_text, sample.name
                assert any(c.text == ref and c.bold for r in second for c in r), sample.name
            if owed is not None:
                assert pounds(owed) not in first_text, sample.name
            assert any(m.kind == "cut" for m in marks), sample.name
        if "Stimate client," in text:
            seen["interlinear"] += 1
            greys = [k for k, r in enumerate(rows) if r and all(isinstance(c, Inked) and c.ink == GREY and c.italic for c in r)]  # fmt: skip
            assert len(greys) >= 8, sample.name
            if ref:
                k = next(k for k, r in enumerate(rows) if any(c.text == ref for c in r))
                assert k + 1 in greys, sample.name
        if "Your account in debit and credit" in text:
            seen["taccount"] += 1
            assert owed is not None
            totals = next(r for r in rows if len(r) == 2 and all(c.align == "right" and c.bold for c in r))  # fmt: skip
            assert totals[0].text == totals[1].text, sample.name
            down = next(r for r in rows if r and r[0].text == "To balance brought down")
            carried = next(r for r in rows if any(c.text == "By balance carried down" for c in r))
            assert down[1].text == plain(owed) == carried[-1].text, sample.name
            debit = [_amount(r[1].text) for r in rows if r and r[0].text.startswith("To ") and r[0].text != "To balance brought down"]  # fmt: skip
            assert sum(debit) == _amount(totals[0].text), sample.name
            assert any(m.kind == "down" for m in marks), sample.name
        if "TO PAY" in text:
            seen["rosette"] += 1
            assert owed is not None
            bursts = [m for m in marks if m.kind == "burst"]
            assert len(bursts) == 1, sample.name
            k = next(k for k, r in enumerate(rows) if any(c.text == pounds(owed) and c.align == "centre" for c in r))  # fmt: skip
            assert k == bursts[0].row, sample.name
        if "FOR OFFICE USE ONLY" in text:
            seen["dropout"] += 1
            boxes = [m for m in marks if m.kind == "box"]
            assert len(boxes) >= 3, sample.name
            reds = [c for r in rows for c in r if isinstance(c, Inked) and c.ink == RED]
            assert len(reds) >= 6, sample.name
            if ref:
                cell = next(c for r in rows for c in r if c.text == ref)
                assert not isinstance(cell, Inked), sample.name
                assert cell.bold, sample.name
        if "Ready reckoner: ways to clear the balance" in text:
            seen["reckoner"] += 1
            assert owed is not None
            for name, count, _ in RECKONER:
                row = next(r for r in rows if r and r[0].text == name)
                each = _amount(row[1].text)
                assert int(row[2].text) == count, sample.name
                assert each * count >= owed > each * (count - 1), sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AK's own wording as written in ``corpus_blind_ak`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ak))):
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


STATE = ("Department for Work and Pensions", "HM Revenue and Customs", "Veterans UK")
"""Public bodies every family may name: not AK's own (Veterans UK and the DWP are named by
earlier modules)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ak_is_in_an_earlier_family() -> None:
    """AK is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J and AA to AJ, nor most
    of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ak = corpus_blind_ak
    orgs = [o for o in vars(ak).values() if isinstance(o, ak.Org)]
    orgs += [
        o for v in vars(ak).values() if isinstance(v, tuple) for o in v if isinstance(o, ak.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ak.PEOPLE),
        *(street for street, _, _ in ak.ADDRESSES),
        "Columns D to F continue on page 2", "Stimate client", "Your account in debit and credit",
        "To balance brought down", "By balance carried down",
        "Ready reckoner", "Staff pay slip", "Pay advice - packhouse staff",
        "Season completion bonus", "Staff caravan rent", "Twilight shift premium",
        "Minibus to site", "Balances printed in red are overdrawn", "War Disablement Pension",
        "Income Support", "Winter Fuel Payment", "decembrie",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 6, shared


def test_every_true_value_is_printed_on_the_document(every: list[AKSample]) -> None:
    for sample in every:
        for text in (ak_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AKSample], every: list[AKSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ak_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AKSample]) -> None:
    sample = family[0]
    binder = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert binder.ndim == 3
    h, w = binder.shape[:2]
    assert binder[h // 2, : w // 50].mean() < 90  # the binder's board down the left
    flicker = np.asarray(render(sample, 0, SCANS[1], seed=3).convert("L"), dtype=float)
    h, w = flicker.shape
    paper = np.array([np.percentile(flicker[y, w // 10 : -w // 10], 90) for y in range(h // 10, h - h // 10)])  # fmt: skip
    assert paper.max() - paper.min() > 20  # bands of light and shade down the page
    rained = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert rained.ndim == 2
    clean = np.asarray(corpus_blind_ak._draw(sample, 0, SCANS[2].dpi).convert("L"), dtype=float)  # fmt: skip
    dry = np.asarray(corpus_blind_ak._rain(Image.fromarray(clean.astype(np.uint8)).convert("RGB"), random.Random(3), 0.0), dtype=float)  # fmt: skip
    wet = np.abs(dry - clean * 0.97) > 4
    assert 0.003 < wet.mean() < 0.1  # the drops cover a little of the page
    data, fmt, _ = ak_scanned(sample, 0)
    assert fmt in ("jpeg", "pdf")
    data, fmt, _ = ak_scanned(family[2], 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    data, fmt, _ = ak_scanned(family[2], 1)
    assert (fmt, data[:4]) == ("pdf", b"%PDF")
    data, fmt, _ = ak_scanned(family[2], 2)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "L"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ak_scanned(family[2], 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = ak_scanned(two, 2)
    assert fmt == "pdf"


def digest() -> str:
    samples = build_ak(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ak_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ak") == digest()


def test_family_ak_is_trained_on_only_as_a_read_family() -> None:
    """AK is seen since round 33 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AK" in read_families.READ
    assert "corpus_blind_ak" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ak", "AK")


# -- the reader on AK (seen since round 33, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ak_score(
    family: list[AKSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 87% (26/30), original creditor 2/2, reference 83% "
    "(25/30), balance 100% (30/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusak "
    "off f7469ec = main's round-31 reader, shipped classifier and field ranker 2026-12-05.31; "
    "on 76 documents creditor 52/60 and reference 50/60: benchmarks/OCR.md, 'Family AK')"
)
"""The first measurement, blind (38 documents here): every floor met but the creditor and
the reference (strict xfails until round 33)."""
ROUND_33 = (
    "class 38/38 and every field 100% (creditor 30/30, reference 30/30, original creditor "
    "2/2, letter date 36/36 ...): rules of round 33, models 2026-12-06.34 and .35"
)
"""As shipped after round 33, which read AK's misses (training-side): the creditor and the
reference meet their floors (plain assertions: a table whose columns run on to the next
page reads each value with its row's label, a print's number is no reference, a note in
brackets after "Claimant" makes no number's label of it, a place's name with "le" in it is
one name)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.5, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the floors of the fields that every debt letter states: a collapse, not a
small loss."""


def test_family_ak_is_read_above_a_collapse_floor(ak_score: Score) -> None:
    print("\n" + ak_score.table("family AK (seen since round 33), perfect text"))
    assert ak_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ak_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ak_meets_the_floor(ak_score: Score, field: str) -> None:
    """Seen since round 33, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_33 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(ak_score.accuracy(field), field), field
