# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BK (``corpus_blind_bk.py``), written blind in a new hand (Bracknell under the law
of England and Wales; its organisations and wording new to the read families; its six
settings from a bakery and its market stall): the family itself (every class, ground truth
printed, deterministic, laid out on the page, each setting as it says), that nothing trains
on it, and the reader on it on perfect text as the product reads (the shipped classifier
and field ranker), held to the counts of its first measurement. The OCR sample is in
tests/integration/ocr/test_blind_family_bk_ocr.py; the figures are in benchmarks/OCR.md
("Family BK"). Two documents a class keep this module to a few seconds; the benchmark
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
    assert_never_trained_on,
    assert_words_on_page,
    cells_within,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bk, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bk import (
    ALL_SHAPES,
    BAGS,
    DOILIES,
    SCANS,
    SEED,
    TEMPLATES,
    TICKETS,
    BKSample,
    bk_pages,
    bk_scanned,
    bk_text,
    build_bk,
    page_size,
    pounds,
    render,
    spaced,
    sterling,
    values_in_text,
)
from cma_adapters.rules_assistant.corpus_print import PrintCell
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_z",
           "corpus_blind_g", "corpus_blind_e", "corpus_blind_f",
           "corpus_blind_j", "corpus_blind_aa", "corpus_blind_ab", "corpus_blind_ac",
           "corpus_blind_ad", "corpus_blind_ae", "corpus_blind_af", "corpus_blind_ag",
           "corpus_blind_ai", "corpus_blind_aj", "corpus_blind_ak",
           "corpus_blind_al", "corpus_blind_an", "corpus_blind_ao", "corpus_blind_ap",
           "corpus_blind_aq", "corpus_blind_ar", "corpus_blind_as", "corpus_blind_at",
           "corpus_blind_au", "corpus_blind_av", "corpus_blind_aw", "corpus_blind_ax",
           "corpus_blind_ay", "corpus_blind_az", "corpus_blind_ba", "corpus_blind_bb",
           "corpus_blind_bc", "corpus_blind_bd", "corpus_blind_be", "corpus_blind_bf",
           "corpus_blind_bg", "statements_corpus")  # fmt: skip
"""Every read family's module (and the statements corpus), searched by the new-words test.
The blind families' modules (Y, I, AH, BH, BI, BJ) are left out: BK's writer may not read
them, nor search them, so BK's words are checked against the read families only."""


@pytest.fixture(scope="module")
def family() -> list[BKSample]:
    return build_bk(2)


@pytest.fixture(scope="module")
def every() -> list[BKSample]:
    return build_bk(4)


@pytest.fixture(scope="module")
def texts(family: list[BKSample]) -> dict[str, str]:
    return {s.name: bk_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BKSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bk_pages(s) for s in family}


def test_every_class_has_family_bk_with_the_fields_it_yields(
    family: list[BKSample], every: list[BKSample], texts: dict[str, str]
) -> None:
    assert SEED == 6160
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BK")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bk_text(s) for s in every)
    for words in ("With thanks,", "Pay sheet", "Pre-dawn premium", "Saturday stall shift", "Net wage paid to your account",
                  "Salary statement", "On-call allowance", "Tax year so far", "Your current account", "Paid out", "Paid in",
                  "Balance at end of sheet", "Spending account statement", "Money at the start", "Money at the end",
                  "The letter goes on overleaf", "Sheet two of two", "From the stall"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"(?<![\d-])\d{1,2}-\d{1,2}-\d\d(?![\d-])", alltext)
    assert re.search(r"\b[A-Z][a-z]+day, \d{1,2}(st|nd|rd|th) [A-Z][a-z]+ 20\d\d\b", alltext)
    assert re.search(r"£[\d,]+\.\d\d sterling", alltext)
    assert re.search(r"(?<![\d,.])\d{1,3} \d{3}\.\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "narrow", "djserif"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert sum(len(s.pages) == 2 for s in every) == 12
    assert sum(len(s.pages) == 2 for s in family) == 6
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_a_two_page_letter_holds_a_true_value_on_page_2_only(every: list[BKSample]) -> None:
    """Page 2 of a two-page letter holds its last fact (here a true value at least once,
    the deadline), and page 1 does not show that fact's value."""
    seen = 0
    for sample in every:
        if len(sample.pages) != 2:
            continue
        one = " ".join(c.text for r in sample.pages[0] for c in r)
        two = " ".join(c.text for r in sample.pages[1] for c in r)
        assert "The letter goes on overleaf" in one, sample.name
        assert "Sheet two of two" in two, sample.name
        if sample.truth.deadline_date is not None:
            shapes = [shape(sample.truth.deadline_date) for shape in ALL_SHAPES]
            if any(s in two for s in shapes) and not any(s in one for s in shapes):
                seen += 1
    assert seen >= 4


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 7)
    assert [shape(day) for shape in ALL_SHAPES] == ["7-12-26", "Monday, 7th December 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22-9-25"
    assert ALL_SHAPES[0](dt.date(2030, 3, 1)) == "1-3-30"
    assert ALL_SHAPES[1](dt.date(2025, 3, 1)) == "Saturday, 1st March 2025"
    assert ALL_SHAPES[1](dt.date(2026, 5, 2)) == "Saturday, 2nd May 2026"
    assert ALL_SHAPES[1](dt.date(2026, 4, 23)) == "Thursday, 23rd April 2026"
    assert ALL_SHAPES[1](dt.date(2026, 6, 11)) == "Thursday, 11th June 2026"
    assert ALL_SHAPES[1](dt.date(2026, 6, 12)) == "Friday, 12th June 2026"
    assert ALL_SHAPES[1](dt.date(2026, 6, 13)) == "Saturday, 13th June 2026"
    assert sterling(123_456) == "£1,234.56 sterling"
    assert spaced(123_456) == "1 234.56"
    assert spaced(123_456_789) == "1 234 567.89"
    assert spaced(5) == "0.05"
    assert pounds(5) == "£0.05"


def _cells(sample: BKSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def _pence(text: str) -> int:
    """A table's amount ("1 234.56", "+12.50", "-3.00", "84.10 OD") in pence (OD and a
    minus negative)."""
    m = re.fullmatch(r"([+-])?(\d{1,3}(?: \d{3})*)\.(\d\d)( OD)?", text)
    assert m, text
    value = int(m[2].replace(" ", "")) * 100 + int(m[3])
    return -value if m[1] == "-" or m[4] else value


def test_a_statement_adds_up(every: list[BKSample]) -> None:
    """The bank's lines: each balance (OD when overdrawn) the one before, paid in less paid
    out; the e-money account's: each balance the one before plus the signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Paid out" in bk_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance at start of sheet")
            running = _pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    out, paid_in = right_cell_at(row, 0.6), right_cell_at(row, 0.74)
                    running += _pence(paid_in.text) if paid_in else -_pence(out.text if out else "")  # fmt: skip
                    assert _pence(row[-1].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance at end of sheet")
            assert _pence(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Money at the start")
            running = _pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", row[0].text):
                    running += _pence(row[2].text)
                    assert _pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Money at the end")
            assert _pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BKSample]) -> None:
    """The bakery's earnings come to "Gross for the period", what it takes off to "Total
    taken off", the difference the net wage; the software house's this-period lines come to
    its gross and its deductions, the difference the net salary, and each year-to-date
    figure is the period's times the periods. Both agree with the truth; every amount in
    the tables has its thousands apart by a space, never a comma."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = bk_text(sample)
        if "Pay sheet" in text:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross for the period")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Taken off")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total taken off")
            pays = sum(_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = _pence(rows[mid][-1].text), _pence(rows[foot][-1].text)
            net = next(_pence(r[-1].text) for r in rows if r and r[0].text == "Net wage paid to your account")  # fmt: skip
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Item")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Total gross pay")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total deducted")
            period = re.search(r"Period (\d+) of", text)
            assert period, sample.name
            times = int(period[1])
            for r in [*rows[head + 1 : mid + 1], *rows[mid + 1 : foot + 1]]:
                now, year = right_cell_at(r, 0.66), right_cell_at(r, 0.9)
                if now and year:
                    assert _pence(year.text) == _pence(now.text) * times, sample.name
            pays = sum(
                _pence(c.text) for r in rows[head + 1 : mid] if (c := right_cell_at(r, 0.66))
            )
            cuts = sum(
                _pence(c.text) for r in rows[mid + 1 : foot] if (c := right_cell_at(r, 0.66))
            )
            gross, off = (_pence(c.text) for c in (right_cell_at(rows[mid], 0.66), right_cell_at(rows[foot], 0.66)) if c)  # fmt: skip
            net = next(_pence(r[-1].text) for r in rows if r and r[0].text == "Net salary to your bank")  # fmt: skip
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name
        assert not re.search(r"\d,\d\d\d\.\d\d", " ".join(c.text for r in rows[4:] for c in r if c.align == "right")), sample.name  # fmt: skip


SETTINGS = {"canopy": "canopy", "ticket": "tickets", "bag": "bags", "rack": "rack", "doily": "doilies", "board": "aboard"}  # fmt: skip


def _setting(sample: BKSample) -> str:
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


def _check_setting(sample: BKSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    amount = sterling(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    name = sample.name
    if kind == "canopy":
        canopy = next(m for m in marks if m.kind == "canopy")
        counter = next(m for m in marks if m.kind == "counter")
        assert canopy.row < (canopy.last or 0) < counter.row, name
        cells = cells_within(rows, counter.row, counter.last or 0, counter.x0, counter.x1)
        assert len(cells) >= 6, name
        _label_beside_value(cells, 0.44, name)
        held += [c.text for c in cells]
    elif kind == "tickets":
        tickets = [m for m in marks if m.kind == "ticket"]
        assert len(tickets) >= 3, name
        assert {(m.x0, m.x1) for m in tickets} <= set(TICKETS), name
        assert len({m.x0 for m in tickets}) == 3, name  # three a row
        for m in tickets:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "centre" for c in cells), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "bags":
        bags = [m for m in marks if m.kind == "bag"]
        assert len(bags) >= 3, name
        assert {(m.x0, m.x1) for m in bags} == set(BAGS), name  # two a row
        assert all(a.shade != b.shade for a, b in itertools.pairwise(bags)), name
        for m in bags:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "left" and c.x >= m.x0 + 0.04 for c in cells), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "rack":
        rack = next(m for m in marks if m.kind == "rack")
        wires = [m for m in marks if m.kind == "wire"]
        cells = cells_within(rows, rack.row, rack.last or 0, rack.x0, rack.x1)
        labels = [c for c in cells if not c.bold]
        assert len(wires) >= 2, name
        assert all(rack.row < w.row <= (rack.last or 0) for w in wires), name
        assert len(wires) <= len(labels) - 1, name
        _label_beside_value(cells, 0.45, name)
        held += [c.text for c in cells]
    elif kind == "doilies":
        doilies = [m for m in marks if m.kind == "doily"]
        assert len(doilies) >= 3, name
        assert {(m.x0, m.x1) for m in doilies} == set(DOILIES), name  # two a row
        for m in doilies:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "centre" and abs(c.x - (m.x0 + m.x1) / 2) < 0.001 for c in cells), name  # fmt: skip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "aboard":
        board = next(m for m in marks if m.kind == "board")
        lines = [m for m in marks if m.kind == "chalkline"]
        cells = cells_within(rows, board.row, board.last or 0, board.x0, board.x1)
        assert cells[0].text == "From the stall", name
        facts = cells[1:]
        assert len(lines) == sum(not c.bold for c in facts) >= 3, name
        assert all(c.x == 0.22 for c in facts), name
        _label_over_value(facts, name)
        held += [c.text for c in facts]
    if truth.document_class is not C.OTHER:
        assert amount in held, name
        if ref:
            assert ref in held, name


def test_each_setting_puts_its_facts_where_it_says(every: list[BKSample]) -> None:
    """The canopy over the counter, its facts a small label beside a bold value; the price
    tickets three a row, centred; the bread bags two a row, their browns alternating; the
    cooling rack's facts inside its frame, a wire between them; the doilies two a row,
    centred; the sandwich board's facts under its heading, each a label over a value with a
    line under it. Every setting holds the sum and the reference."""
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
    """BK's own wording as written in ``corpus_blind_bk`` (the constant strings of two words
    or more): its titles, and its labels (references', dates', the facts' and the payslips'
    lines)."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bk))):
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
    # the titles and labels set in tuples or by name in the branches
    titles += ["Ringmead Pay: your instalments could not be collected", "Lily Hill Home Shopping: your account has fallen behind",
               "What we decided on your Personal Independence Payment claim", "What we decided on your Pension Credit claim"]  # fmt: skip
    labels += ["Ringmead Pay notice", "Ringmead Pay purchase", "Lily Hill letter sent", "Lily Hill customer number",
               "PIP decision made", "Pension Service letter"]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Reading", "Bracknell Forest Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Reading court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BK's found in a read family's module: none, once those
that a first draft shared were reworded before any measuring (benchmarks/OCR.md, "Family
BK")."""


def test_no_organisation_person_or_title_of_bk_is_in_a_read_family() -> None:
    """BK is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words, titles or labels of two words or more
    appears in the modules of the read families."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bk
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Pre-dawn premium", "Saturday stall shift", "Tax year so far", "Net wage paid to your account",
        "Bracknell", "Skimped Hill", "Ranelagh", "Jealott's Hill", "Martins Heron", "Wildridings", "Bullbrook",
        "Hanworth", "Crown Wood", "Swinley", "Princess Square", "Popeswood", "Harmans Water", "Great Hollands",
        "Ringmead", "Lily Hill", "Easthampstead", "Quelm", "Birch Hill", "Chavey Down", "Amen Corner", "Warfield",
        "Nine Mile", "Binfield", "Owlsmoor", "Whitegrove", "Jennetts Park", "County Court at Reading",
        "market stall", "canopy", "valance", "price ticket", "bread bag", "kraft", "cooling rack", "doily",
        "sandwich board", "raspberry jam", "sesame", "baking parchment", "sterling",
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


def test_every_true_value_is_printed_on_the_document(every: list[BKSample]) -> None:
    for sample in every:
        for text in (bk_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BKSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bk_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BKSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_bk._draw(sample, 0, SCANS[0].dpi), dtype=float)
    jammed = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert jammed.ndim == 3
    assert jammed.shape[0] >= clean.shape[0]
    red = (jammed[:, :, 0] - jammed[:, :, 1] > 40) & (jammed[:, :, 0] > 150)
    assert red.sum() > 1000  # the jam
    crumbed = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert crumbed.ndim == 2
    covered = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert covered.ndim == 2
    assert (covered < 100).sum() < (np.asarray(corpus_blind_bk._draw(sample, 0, SCANS[2].dpi).convert("L")) < 100).sum()  # fmt: skip
    data, fmt, _ = bk_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bk_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert Image.open(io.BytesIO(data)).mode == "L"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bk_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bk_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = bk_scanned(two, 0)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_crumbs_fall_only_in_margins_and_on_lines_with_no_true_value(family: list[BKSample]) -> None:  # fmt: skip
    """The rows a crumb or seed may fall on in the page's body hold no word of a true
    value."""
    for sample in family[:12]:
        free = corpus_blind_bk._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_bk(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bk_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bk") == digest()


def test_family_bk_is_never_used_to_train_or_calibrate() -> None:
    assert_never_trained_on("corpus_blind_bk", "BK")


# -- the reader on BK (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def bk_score(
    family: list[BKSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 30/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 18/36, deadline 13/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 0/2 (branch corpusbk off c14b4688 = main after round 51, "
    "shipped classifier and field ranker; on 76 documents class 76/76, creditor 60/60, "
    "reference 60/60, balance 60/60, letter date 34/72, deadline 20/46, served 0/4: "
    "benchmarks/OCR.md, 'Family BK')"
)
"""The first measurement (38 documents here): every floor met but the letter date's, the
deadline's and the served date's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement, raised where round 55 reads more
(``ROUND_55``: letter date 18 -> 36, deadline 13 -> 24, served 0 -> 2): the floors below."""
ROUND_55 = (
    "round 55 (date shapes, a grid, branch dateshapes) reads every date of BK's 38 documents "
    "here: letter date 36/36, deadline 24/24, served 2/2 (76 documents: 72/72, 46/46, 4/4). "
    "BK is still blind (no miss of it was read), but its date shapes were known to the lead "
    "and to round 55's helper before the round was written (benchmarks/OCR.md, 'Round 55 "
    "measured blind'): a weaker held-out figure for BK's dates than for its other fields"
)
UNMET: frozenset[str] = frozenset()
"""The issue's floors not met at the first measurement were the three dates'; round 55 meets
them (``ROUND_55``), so no strict xfail is left here."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bk_is_read_at_least_as_well_as_first_measured(bk_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bk_score.table("held-out family BK (written blind), perfect text"))
    assert bk_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bk_score.totals[field] == total, field
        assert bk_score.hits[field] >= hits, (field, bk_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, UNMET, f"BK blind, first measurement under the issue's floor: {FIRST}"),
)
def test_family_bk_meets_the_floor(bk_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(bk_score.accuracy(field), field), field
