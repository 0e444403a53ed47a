# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BD (``corpus_blind_bd.py``), written blind in a new hand (Basingstoke under the
law of England and Wales; its organisations and wording new to the earlier families; its
six settings from a post office and a parcel depot) and read since round 47: the family
itself (every class, ground truth printed, deterministic, laid out on the page, each setting
as it says), that it is trained on only as a read family, and the reader on it on perfect
text as the product reads (the shipped classifier and field ranker), held to the counts
reached in round 47. The OCR sample is in tests/integration/ocr/test_blind_family_bd_ocr.py;
the figures are in benchmarks/OCR.md ("Family BD", and "Round 47", which read BD's misses:
every figure on BD since is a training-side figure). Two documents a class keep this module
to a few seconds; the benchmark reads four."""

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
    assert_only_read_family,
    assert_words_on_page,
    cells_within,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bd, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bd import (
    ALL_SHAPES,
    BOXES,
    SCALES,
    SCANS,
    SEED,
    SLOTS,
    TEMPLATES,
    BDSample,
    bd_pages,
    bd_scanned,
    bd_text,
    build_bd,
    gbp,
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
           "corpus_blind_au", "corpus_blind_av", "corpus_blind_aw", "corpus_blind_ax",
           "corpus_blind_ay", "corpus_blind_az", "corpus_blind_ba", "corpus_blind_bb",
           "statements_corpus")  # fmt: skip
"""Every earlier family's module (and the statements corpus), searched by the new-words
test."""


@pytest.fixture(scope="module")
def family() -> list[BDSample]:
    return build_bd(2)


@pytest.fixture(scope="module")
def every() -> list[BDSample]:
    return build_bd(4)


@pytest.fixture(scope="module")
def texts(family: list[BDSample]) -> dict[str, str]:
    return {s.name: bd_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BDSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bd_pages(s) for s in family}


def test_every_class_has_family_bd_with_the_fields_it_yields(
    family: list[BDSample], every: list[BDSample], texts: dict[str, str]
) -> None:
    assert SEED == 5460
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BD")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bd_text(s) for s in every)
    for words in ("With best wishes from Basingstoke,", "Depot pay statement", "Night sort premium", "Depot deductions",
                  "Net pay sent to your bank", "Counter staff payslip", "Counter duties allowance", "Net pay for the period",
                  "Loddon Vale current account", "Money out", "Money in", "Loddon Vale closing figure",
                  "Members' share account", "Shares brought forward", "Shares carried forward"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d\d [A-Z][a-z]{2} '\d\d\b", alltext)
    assert re.search(r"\b[A-Z][a-z]{2}\. \d{1,2}(st|nd|rd|th), 20\d\d\b", alltext)
    assert re.search(r"\bGBP \d{1,3}(,\d{3})*\.\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "caladea", "dejacond"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["04 Dec '26", "Dec. 4th, 2026"]
    assert ALL_SHAPES[1](dt.date(2025, 9, 22)) == "Sep. 22nd, 2025"
    assert ALL_SHAPES[1](dt.date(2025, 9, 11)) == "Sep. 11th, 2025"
    assert ALL_SHAPES[1](dt.date(2025, 9, 1)) == "Sep. 1st, 2025"
    assert ALL_SHAPES[1](dt.date(2025, 9, 23)) == "Sep. 23rd, 2025"
    assert ALL_SHAPES[0](dt.date(2026, 3, 2)) == "02 Mar '26"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"
    assert gbp(123_456) == "GBP 1,234.56"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(-)?(?:£|GBP )?([\d,]+)\.(\d\d)", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] else value


def _cells(sample: BDSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BDSample]) -> None:
    """The bank's lines: each balance the one before, money in less money out; the credit
    union's: each share balance the one before plus the signed sum."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money out" in bd_text(sample):
            start = next(r for r in rows if r and r[0].text == "Loddon Vale opening figure")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Loddon Vale closing figure")
        else:
            start = next(r for r in rows if r and r[0].text == "Shares brought forward")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    running += _amount(row[2].text)
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Shares carried forward")
        assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BDSample]) -> None:
    """The depot's earnings come to "Earnings added up", its deductions to "Deductions added
    up", the difference the net pay sent to the bank; the post office's "In" column to the
    totals' in, its "Out" column to the totals' out, the difference the net pay. Both agree
    with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Depot pay statement" in bd_text(sample):
            money = {r[0].text: _amount(r[-1].text) for r in rows if r and re.fullmatch(r"[\d,]+\.\d\d", r[-1].text)}  # fmt: skip
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings this period")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings added up")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Depot deductions")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Deductions added up")
            pays = sum(_amount(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(_amount(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = _amount(rows[mid][-1].text), _amount(rows[foot][-1].text)
            net = money["Net pay sent to your bank"]
        else:
            ins = [_amount(c.text) for r in rows for c in r if abs(c.x - 0.72) < 0.001 and re.fullmatch(r"[\d,]+\.\d\d", c.text) and not c.bold]  # fmt: skip
            outs = [_amount(c.text) for r in rows for c in r if abs(c.x - 0.9) < 0.001 and re.fullmatch(r"[\d,]+\.\d\d", c.text) and not c.bold]  # fmt: skip
            pays, cuts = sum(ins), sum(outs)
            totals = next(r for r in rows if r and r[0].text == "Totals")
            gross, off = _amount(totals[1].text), _amount(totals[2].text)
            net = _amount(
                next(r for r in rows if r and r[0].text == "Net pay for the period")[-1].text
            )
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"shiplabel": "shiplabel", "scale": "scales", "callcard": "callcard", "bezel": "queue", "belt": "conveyor", "order": "postalorder"}  # fmt: skip


def _setting(sample: BDSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _label_over_value(cells: list[PrintCell], name: str) -> None:
    assert cells, name
    assert cells[0].size < 8, name
    assert not cells[0].bold, name
    assert cells[-1].bold, name


def _check_setting(sample: BDSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = gbp(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    name = sample.name

    def inside(outer: str, inner: str) -> list[corpus_blind_bd.Mark]:
        box = next(m for m in marks if m.kind == outer)
        parts = [m for m in marks if m.kind == inner]
        for m in parts:
            assert box.row <= m.row <= (m.last or m.row) <= (box.last or 0), name
            assert box.x0 <= m.x0 < m.x1 <= box.x1, name
        return parts

    if kind == "shiplabel":
        label = next(m for m in marks if m.kind == "shiplabel")
        inside("board", "shiplabel")
        heavies = [m for m in marks if m.kind == "heavy"]
        assert len(heavies) >= 5, name
        assert any(m.kind == "sortcode" for m in marks), name
        cells = cells_within(rows, label.row, label.last or 0, label.x0, label.x1)
        labels = [c for c in cells if c.x < 0.43]
        values = [c for c in cells if c.x >= 0.43]
        assert labels, name
        assert all(c.size < 8 and not c.bold for c in labels), name
        assert all(c.bold for c in values), name
        held += [c.text for c in cells]
    elif kind == "scales":
        scales = [m for m in marks if m.kind == "scale"]
        windows = [m for m in marks if m.kind == "readout"]
        assert len(scales) == len(windows) >= 4, name
        assert {(m.x0, m.x1) for m in scales} <= set(SCALES), name
        for scale, window in zip(scales, windows, strict=True):
            assert scale.x0 < window.x0 < window.x1 < scale.x1, name
            assert scale.row < window.row <= (window.last or 0) < (scale.last or 0), name
            cells = cells_within(rows, scale.row, scale.last or 0, scale.x0, scale.x1)
            _label_over_value(cells, name)
            shown = cells_within(rows, window.row, window.last or 0, window.x0, window.x1)
            assert shown, name
            assert all(c.bold for c in shown), name
            held += [c.text for c in cells]
    elif kind == "callcard":
        lines = inside("callcard", "writein")
        assert len(lines) >= 4, name
        assert {(m.x0, m.x1) for m in lines} <= set(SLOTS), name
        assert len({m.x0 for m in lines}) == 3, name  # three a row
        for m in lines:
            first = max(
                k for k in range(m.row) if not rows[k] or not cells_within(rows, k, k, m.x0, m.x1)
            )
            cells = cells_within(rows, first + 1, m.row - 1, m.x0, m.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "queue":
        tiles = inside("bezel", "tile")
        assert len(tiles) >= 4, name
        for m in tiles:
            cells = cells_within(rows, m.row, m.last or 0, m.x1, 0.9)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "conveyor":
        boxes = inside("belt", "box")
        patches = [m for m in marks if m.kind == "patch"]
        assert len(boxes) == len(patches) >= 4, name
        assert {(m.x0, m.x1) for m in boxes} <= set(BOXES), name
        assert len([m for m in marks if m.kind == "rollers"]) >= 2, name
        for box, patch in zip(boxes, patches, strict=True):
            assert box.x0 < patch.x0 < patch.x1 < box.x1, name
            cells = cells_within(rows, box.row, box.last or box.row, box.x0, box.x1)
            assert cells == cells_within(rows, patch.row, patch.last or 0, patch.x0, patch.x1), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "postalorder":
        fields = inside("order", "field")
        assert len(fields) >= 4, name
        for m in fields:
            values = cells_within(rows, m.row, m.last or 0, m.x0, m.x1)
            labels = cells_within(rows, m.row, m.last or 0, 0.0, m.x0)
            assert values, name
            assert labels, name
            assert all(c.bold for c in values), name
            assert all(c.size < 8 and not c.bold for c in labels), name
            held += [c.text for c in values + labels]
    if truth.document_class is not C.OTHER:
        assert money in held, name
        if ref:
            assert ref in held, name


def test_each_setting_puts_its_facts_where_it_says(every: list[BDSample]) -> None:
    """The shipping label on its board, a small label beside each bold value between heavy
    rules; each scale's label over its readout; the delivery card's write-in lines three a
    row inside the card; the queue display's tiles inside the bezel, each with a label over
    a value; the conveyor's boxes on the belt, every word on a box's white patch; the postal
    order's values in white fields right of their labels. Every setting holds the sum and
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
    """BD's own wording as written in ``corpus_blind_bd`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bd))):
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
    # the titles and labels set in tuples by the pay-later and catalogue branches
    titles += ["Rucstall Pay: two payments have bounced", "Worting Home Shopping: payments overdue"]  # fmt: skip
    labels += ["Rucstall reminder date", "Rucstall order ID", "Catalogue statement date", "Worting shopper no."]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Basingstoke", "Basingstoke and Deane Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Basingstoke court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BD's (108) found in an earlier module: none, once the 27
that a first draft shared (and three titles) were reworded before any measuring."""


def test_no_organisation_person_or_title_of_bd_is_in_an_earlier_family() -> None:
    """BD is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor any of its labels."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bd
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Night sort premium", "Counter duties allowance", "Shares brought forward", "Net pay sent to your bank",
        "Basingstoke", "Chineham", "Viables", "Loddon", "Kempshott", "Popley", "Houndmills", "Daneshill",
        "Lychpit", "Eastrop", "Festival Place", "Winklebury", "Hatch Warren", "Oakridge", "Rucstall", "Worting",
        "Beggarwood", "Cranbourne", "Sarum Hill", "Kingsland", "Brighton Hill", "Tadley", "Rooksdown", "Buckskin",
        "Riverdene", "Old Basing", "Wote Street", "Winton Square", "Pack Lane", "County Court at Basingstoke",
        "Basingstoke Magistrates", "shipping label", "readout", "queue", "conveyor", "postal order",
        "bubble wrap", "tyre", "fluorescent",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared


def test_every_true_value_is_printed_on_the_document(every: list[BDSample]) -> None:
    for sample in every:
        for text in (bd_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BDSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bd_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BDSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_bd._draw(sample, 0, SCANS[0].dpi), dtype=float)
    wrapped = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert wrapped.ndim == 3
    assert wrapped.shape[0] >= clean.shape[0]
    assert (wrapped.max(axis=2) - wrapped.min(axis=2)).max() > 20
    tracked = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert tracked.ndim == 3
    assert tracked.mean() < np.asarray(render(sample, 0, SCANS[1], seed=3).convert("L"), dtype=float).mean() + 5  # fmt: skip
    coded = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert coded.ndim == 2
    data, fmt, _ = bd_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bd_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bd_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bd_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_bar_code_crosses_only_a_line_with_no_true_value(family: list[BDSample]) -> None:
    """The rows the sorting machine's code may cross in the page's body hold no word of a
    true value."""
    for sample in family[:12]:
        free = corpus_blind_bd._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_bd(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bd_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bd") == digest()


def test_family_bd_is_trained_on_only_as_a_read_family() -> None:
    """BD is seen since round 47 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "BD" in read_families.READ
    assert "corpus_blind_bd" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_bd", "BD")


# -- the reader on BD (measured blind, then read in round 47: benchmarks/OCR.md) -----------------


@pytest.fixture(scope="module")
def bd_score(
    family: list[BDSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 27/30, original creditor 2/2, reference 29/30, balance "
    "30/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "1/2, frequency 4/4, served 2/2 (branch corpusbd off 78b4fbb8 = main after round 44's "
    "merges, shipped classifier and field ranker; on 76 documents class 76/76, creditor "
    "54/60, reference 58/60, balance 60/60, letter date 72/72, gross 2/4: benchmarks/OCR.md, "
    "'Family BD')"
)
"""The first measurement (38 documents here): every floor met but the gross pay's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 47 (training-side): the floors below. The
first measurement (``FIRST``), raised where round 47, which read BD's misses, reads more
(``ROUND_47``: creditor 27 -> 30, reference 29 -> 30, gross 1 -> 2)."""
UNMET = frozenset({"gross_pence"})
"""The issue's floors not met at the first measurement (strict xfails until round 47)."""
ROUND_47 = (
    "every field 100%: creditor 30/30, reference 30/30, gross 2/2 (rules of round 47, models "
    "2026-12-06.34; on 76 documents every field 100% as shipped: benchmarks/OCR.md, "
    "'Round 47')"
)
"""After round 47, which read BD's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors not met after round 47 (strict xfails): none on perfect text."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bd_is_read_at_least_as_well_as_first_measured(bd_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bd_score.table("family BD (seen since round 47), perfect text"))
    assert bd_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bd_score.totals[field] == total, field
        assert bd_score.hits[field] >= hits, (field, bd_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"BD after round 47, under the issue's floor: {ROUND_47}"),
)
def test_family_bd_meets_the_floor(bd_score: Score, field: str) -> None:
    """Seen since round 47, so a regression check of a training-side figure: ROUND_47
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(bd_score.accuracy(field), field), field
