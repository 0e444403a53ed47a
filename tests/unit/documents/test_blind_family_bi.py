# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BI (``corpus_blind_bi.py``), written blind in a new hand (Redditch under the law
of England and Wales; its organisations and wording new to the read families; its six
settings from a laundrette and dry cleaner's): the family itself (every class, ground truth
printed, deterministic, laid out on the page, each setting as it says), that nothing trains
on it, and the reader on it on perfect text as the product reads (the shipped classifier
and field ranker), held to the counts of its first measurement. The OCR sample is in
tests/integration/ocr/test_blind_family_bi_ocr.py; the figures are in benchmarks/OCR.md
("Family BI"). Two documents a class keep this module to a few seconds; the benchmark
reads four."""

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
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    amount_pence,
    amounts_pence,
    assert_never_trained_on,
    assert_words_on_page,
    cells_within,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bi, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bi import (
    ALL_SHAPES,
    BOARD,
    CARE,
    CHIP_AT,
    HANGERS,
    MACHINES,
    OVER,
    SCANS,
    SEED,
    SHEET_TWO,
    TAGS,
    TEMPLATES,
    BISample,
    bare,
    bi_pages,
    bi_scanned,
    bi_text,
    build_bi,
    page_size,
    plain,
    pounds,
    render,
    spaced,
    values_in_text,
)
from cma_adapters.rules_assistant.corpus_print import PrintCell
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_z", "corpus_blind_g",
           "corpus_blind_e", "corpus_blind_f", "corpus_blind_j", "corpus_blind_aa",
           "corpus_blind_ab", "corpus_blind_ac", "corpus_blind_ad", "corpus_blind_ae",
           "corpus_blind_af", "corpus_blind_ag", "corpus_blind_ai", "corpus_blind_aj",
           "corpus_blind_ak", "corpus_blind_al", "corpus_blind_an", "corpus_blind_ao",
           "corpus_blind_ap", "corpus_blind_aq", "corpus_blind_ar", "corpus_blind_as",
           "corpus_blind_at", "corpus_blind_au", "corpus_blind_av", "corpus_blind_aw",
           "corpus_blind_ax", "corpus_blind_ay", "corpus_blind_az", "corpus_blind_ba",
           "corpus_blind_bb", "corpus_blind_bc", "corpus_blind_bd", "corpus_blind_bg",
           "statements_corpus")  # fmt: skip
"""Every read family's module (and the statements corpus), searched by the new-words test
(the still-blind families' modules are never opened, not even by grep)."""


@pytest.fixture(scope="module")
def family() -> list[BISample]:
    return build_bi(2)


@pytest.fixture(scope="module")
def every() -> list[BISample]:
    return build_bi(4)


@pytest.fixture(scope="module")
def texts(family: list[BISample]) -> dict[str, str]:
    return {s.name: bi_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BISample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bi_pages(s) for s in family}


def test_every_class_has_family_bi_with_the_fields_it_yields(
    family: list[BISample], every: list[BISample], texts: dict[str, str]
) -> None:
    assert SEED == 5960
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BI")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bi_text(s) for s in every)
    for words in ("Yours faithfully", "Pay statement", "Twilight hours enhancement", "Take-home pay", "Wage slip",
                  "Pressing bonus", "Total taken off", "Current account statement", "Paid out", "Paid in",
                  "Closing balance", "Savings account statement", "Savings at opening", "Savings carried on",
                  OVER, SHEET_TWO):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d\d-[A-Z]{3}-\d\d\b", alltext)
    assert re.search(r"\b[A-Z][a-z]+ \d{1,2}(st|nd|rd|th) 20\d\d\b", alltext)
    assert re.search(r"£ \d+\.\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "caladea", "libsans"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert sum(len(s.pages) == 2 for s in every) == 12
    assert sum(len(s.pages) == 2 for s in family) == 6
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_a_two_page_letter_holds_a_true_value_on_page_2_only(every: list[BISample]) -> None:
    """Page 2 of a two-page letter holds its last fact (here a true value at least once,
    the deadline), and page 1 does not show it."""
    seen = 0
    for sample in every:
        if len(sample.pages) != 2:
            continue
        one = " ".join(c.text for r in sample.pages[0] for c in r)
        two = " ".join(c.text for r in sample.pages[1] for c in r)
        assert OVER in one, sample.name
        assert SHEET_TWO in two, sample.name
        if sample.truth.deadline_date is not None:
            shapes = [shape(sample.truth.deadline_date) for shape in ALL_SHAPES]
            if any(s in two for s in shapes) and not any(s in one for s in shapes):
                seen += 1
    assert seen >= 4


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["04-DEC-26", "December 4th 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22-SEP-25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 1)) == "March 1st 2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 2)) == "March 2nd 2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 3)) == "March 3rd 2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 11)) == "March 11th 2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 12)) == "March 12th 2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 22)) == "March 22nd 2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 31)) == "March 31st 2025"
    assert plain(123_456) == "1,234.56"
    assert bare(123_456) == "1234.56"
    assert spaced(123_456) == "£ 1234.56"
    assert spaced(5) == "£ 0.05"
    assert pounds(5) == "£0.05"


def _cells(sample: BISample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def _bracketed(text: str) -> int:
    if text.startswith("("):
        return -amount_pence(text.strip("()"))
    return amount_pence(text)


def test_a_statement_adds_up(every: list[BISample]) -> None:
    """The bank's lines: each balance (overdrawn in brackets) the one before, less paid
    out, plus paid in; the credit union's: each balance the one before plus the signed
    amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Paid out" in bi_text(sample):
            start = next(r for r in rows if r and r[0].text == "Opening balance")
            running = _bracketed(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d[A-Z]{3}", row[0].text):
                    out, paid_in = right_cell_at(row, 0.6), right_cell_at(row, 0.75)
                    running += amount_pence(paid_in.text) if paid_in else -amount_pence(out.text if out else "")  # fmt: skip
                    assert _bracketed(row[-1].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
            assert _bracketed(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Savings at opening")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    assert row[2].text[0] in "+-", sample.name
                    running += amount_pence(row[2].text.lstrip("+"))
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Savings carried on")
            assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BISample]) -> None:
    """The works' pay items (the deductions as minus lines) come to the gross less the
    deductions, the difference the take-home pay; the laundrette's gross items to the
    gross, what is taken off to its total, the difference the net pay. Both agree with the
    truth; every amount in the tables has its thousands comma and no pound sign."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = bi_text(sample)
        if "Take-home pay" in text:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Pay items")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross for the period")
            lines = [amount_pence(r[-1].text) for r in rows[head + 1 : foot] if r]
            pays, cuts = sum(a for a in lines if a > 0), -sum(a for a in lines if a < 0)
            gross, off = amount_pence(rows[foot][-1].text), amount_pence(rows[foot + 1][-1].text)
            net = next(amount_pence(r[-1].text) for r in rows if r and r[0].text == "Take-home pay")
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross items")
            total = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross pay")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Taken off")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total taken off")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : total] if r)
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot] if r)
            gross, off = amount_pence(rows[total][-1].text), amount_pence(rows[foot][-1].text)
            net = next(amount_pence(r[-1].text) for r in rows if r and r[0].text == "Net pay")
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name
        table = " ".join(
            c.text for r in rows[4:] for c in r if c.align == "right" and c.text != "£"
        )
        assert not re.search(r"£\s?\d", table), sample.name
        assert amounts_pence(table), sample.name
        if gross >= 100_000:
            assert re.search(r"\d,\d\d\d\.\d\d", table), sample.name


SETTINGS = {"pintag": "pintags", "board": "priceboard", "machine": "machines", "hanger": "hangers", "ironing": "ironing", "carelabel": "carelabel"}  # fmt: skip


def _setting(sample: BISample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _label_over_value(cells: list[PrintCell], name: str) -> None:
    assert cells, name
    assert cells[0].size < 8, name
    assert not cells[0].bold, name
    assert cells[-1].bold, name


def _label_beside_value(cells: list[PrintCell], split: float, name: str) -> None:
    labels = [c for c in cells if c.x < split]
    values = [c for c in cells if c.x >= split]
    assert labels, name
    assert values, name
    assert all(c.size < 8 and not c.bold for c in labels), name
    assert all(c.bold for c in values), name


def _check_setting(sample: BISample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = spaced(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    name = sample.name
    if kind == "pintags":
        tags = [m for m in marks if m.kind == "pintag"]
        assert len(tags) >= 4, name
        assert {(m.x0, m.x1) for m in tags} <= set(TAGS), name
        assert len({m.x0 for m in tags}) == 4, name  # four a row
        assert all(a.shade != b.shade for a, b in itertools.pairwise(tags)), name
        for m in tags:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.x > m.x0 for c in cells), name
            assert not cells_within(rows, m.row, m.row + 1, m.x0, m.x1), name  # the strip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "priceboard":
        board = next(m for m in marks if m.kind == "board")
        band = next(m for m in marks if m.kind == "coins")
        chips = [m for m in marks if m.kind == "chip"]
        assert band.row == board.row, name
        assert len(chips) >= 3, name
        assert {m.x0 for m in chips} <= {x0 + CHIP_AT for x0, _ in BOARD}, name
        for m in chips:
            assert board.row < m.row, name
            assert (m.last or 0) <= (board.last or 0), name
            x0 = m.x0 - CHIP_AT
            half = next(h for h in BOARD if h[0] == x0)
            cells = cells_within(rows, m.row, m.last or m.row, half[0], half[1])
            _label_beside_value(cells, m.x0, name)
            held += [c.text for c in cells]
    elif kind == "machines":
        cabinets = [m for m in marks if m.kind == "machine"]
        doors = [m for m in marks if m.kind == "door"]
        assert len(cabinets) == len(doors) >= 3, name
        assert {(m.x0, m.x1) for m in cabinets} <= set(MACHINES), name
        assert len({m.x0 for m in cabinets}) == 3, name  # three a row
        for cabinet, door in zip(cabinets, doors, strict=True):
            assert cabinet.x0 < door.x0 < door.x1 < cabinet.x1, name
            assert cabinet.row < door.row <= (door.last or 0) <= (cabinet.last or 0), name
            cells = cells_within(rows, cabinet.row, cabinet.last or 0, cabinet.x0, cabinet.x1)
            assert cells == cells_within(rows, door.row, door.last or 0, door.x0, door.x1), name  # fmt: skip
            assert all(c.align == "centre" for c in cells), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "hangers":
        rails = [m for m in marks if m.kind == "rail"]
        hangers = [m for m in marks if m.kind == "hanger"]
        assert len(hangers) >= 3, name
        assert {(m.x0, m.x1) for m in hangers} <= set(HANGERS), name
        assert {m.row for m in hangers} == {m.row for m in rails}, name
        for m in hangers:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert not cells_within(rows, m.row, m.row + 1, m.x0, m.x1), name  # hook, shoulders
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "ironing":
        board = next(m for m in marks if m.kind == "ironing")
        legs = next(m for m in marks if m.kind == "legs")
        assert (board.last or 0) < legs.row, name
        cells = cells_within(rows, board.row, board.last or 0, 0.0, 1.0)
        assert len(cells) >= 6, name
        _label_beside_value(cells, 0.4, name)
        held += [c.text for c in cells]
    elif kind == "carelabel":
        label = next(m for m in marks if m.kind == "carelabel")
        symbols = next(m for m in marks if m.kind == "symbols")
        assert (label.x0, label.x1) == CARE, name
        assert label.row < symbols.row, name
        cells = cells_within(rows, (symbols.last or 0) + 1, label.last or 0, 0.0, 1.0)
        assert len(cells) >= 6, name
        assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), name
        assert not cells_within(rows, symbols.row, symbols.last or 0, 0.0, 1.0), name
        held += [c.text for c in cells]
    if truth.document_class is not C.OTHER:
        assert money in held, name
        if ref:
            assert ref in held, name


def test_each_setting_puts_its_facts_where_it_says(every: list[BISample]) -> None:
    """The dry-cleaning tags four a row, a label over a value under each strip; the price
    board's chips two a row, a small label beside a bold value; the machines three a row,
    centred in their doors; the hangers two a row under their rails; the ironing board a
    small label beside a bold value, its legs under it; the care label's lines centred
    under its symbols. Every setting holds the sum and the reference."""
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
    """BI's own wording as written in ``corpus_blind_bi`` (the constant strings of two words
    or more): its titles, and its labels (references', dates', the facts', the payslips'
    and statements' lines)."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bi))):
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
    # the titles and labels set in tuples by the pay-in-three and catalogue branches, and
    # the benefits' date labels
    titles += ["Ipsley Pay: we could not take two instalments", "Greenlands Home Shopping: your account is behind"]  # fmt: skip
    labels += ["Ipsley Pay notice", "Ipsley Pay purchase", "Greenlands arrears letter", "Greenlands shopper no.", "UC award made", "PIP decision made"]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Worcester", "Redditch Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council is new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BI's found in a read module: none, once those that a
first draft shared (``corpus_blind_bi.REWORDED``) were reworded before any measuring
(benchmarks/OCR.md, "Family BI")."""


def test_no_organisation_person_or_title_of_bi_is_in_a_read_family() -> None:
    """BI is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the read families'
    modules, nor any of its labels of two words or more."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bi
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Twilight hours enhancement", "Pressing bonus", "Savings at opening", "Gross items",
        "Redditch", "Matchborough", "Winyates", "Forge Mill", "Batchley", "Webheath", "Headless Cross",
        "Oakenshaw", "Abbeydale", "Bordesley", "Church Green", "Crabbs Cross", "Feckenham", "Woodrow",
        "Ipsley", "Greenlands", "Smallwood", "Hewell", "Studley", "Morton Stanley", "Brockhill",
        "Wirehill", "Pennyfield", "Kidderminster Magistrates", "County Court at Worcester",
        "laundrette", "dry clean", "dry-clean", "safety pin", "coin-op", "price board", "washing machine",
        "hangers on a rail", "ironing board", "care label", "care symbol", "washing powder", "granule", "dryer lint",
        "fabric conditioner",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        hits = in_earlier(name, sources)
        assert not hits, name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared
    assert corpus_blind_bi.REWORDED == 39


def test_every_true_value_is_printed_on_the_document(every: list[BISample]) -> None:
    for sample in every:
        for text in (bi_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BISample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bi_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BISample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_bi._draw(sample, 0, SCANS[0].dpi), dtype=float)
    strewn = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert strewn.ndim == 3
    assert strewn.shape[0] >= clean.shape[0]
    blue = (strewn[:, :, 2] > strewn[:, :, 0] + 60).sum()
    assert blue > (clean[:, :, 2] > clean[:, :, 0] + 60).sum() + 200  # the grains
    linty = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert linty.ndim == 2
    assert ((linty > 60) & (linty < 215)).sum() > 2000  # the fluff and its haze
    spilt = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert spilt.ndim == 3
    assert ((spilt[:, :, 2] - spilt[:, :, 0]) > 25).sum() > 2000  # the pale blue pool
    data, fmt, _ = bi_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bi_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert Image.open(io.BytesIO(data)).mode == "L"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bi_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bi_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = bi_scanned(two, 0)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def digest() -> str:
    samples = build_bi(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bi_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bi") == digest()


def test_family_bi_is_never_used_to_train_or_calibrate() -> None:
    assert_never_trained_on("corpus_blind_bi", "BI")


# -- the reader on BI (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def bi_score(
    family: list[BISample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 30/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 33/36, deadline 23/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusbi off cc3104e3 = main after round 48's "
    "merge, shipped classifier and field ranker; on 76 documents class 74/76, creditor "
    "60/60, reference 60/60, balance 60/60, letter date 66/72, deadline 44/46: "
    "benchmarks/OCR.md, 'Family BI')"
)
"""The first measurement (38 documents here): every floor met."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (37, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (33, 36),
    "deadline_date": (23, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
UNMET: frozenset[str] = frozenset()
"""The issue's floors not met at the first measurement (strict xfails below): none."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bi_is_read_at_least_as_well_as_first_measured(bi_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bi_score.table("held-out family BI (written blind), perfect text"))
    assert bi_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bi_score.totals[field] == total, field
        assert bi_score.hits[field] >= hits, (field, bi_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, UNMET, f"BI blind, first measurement under the issue's floor: {FIRST}"),
)
def test_family_bi_meets_the_floor(bi_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(bi_score.accuracy(field), field), field
