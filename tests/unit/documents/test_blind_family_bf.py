# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BF (``corpus_blind_bf.py``), written blind in a new hand (Rotherham under the law
of England and Wales; its organisations and wording new to the earlier families; its six
settings from a car repair workshop and an MOT test centre) and read since round 49: the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says, a fact on page 2 of its two-page documents), that it is trained on only
as a read family, and the reader on it on perfect text as the product reads (the shipped
classifier and field ranker), held to the counts reached in round 49. The OCR sample is in
tests/integration/ocr/test_blind_family_bf_ocr.py; the figures are in benchmarks/OCR.md
("Family BF", and "Round 49", which read BF's misses: every figure on BF since is a
training-side figure). Two documents a class keep this module to a few seconds; the
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
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    amount_pence,
    amounts_pence,
    assert_only_read_family,
    assert_words_on_page,
    cells_within,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bf, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bf import (
    ALL_SHAPES,
    DIVIDE,
    MOTBOXES,
    SCANS,
    SEED,
    TAGS,
    TEMPLATES,
    BFSample,
    bf_pages,
    bf_scanned,
    bf_text,
    build_bf,
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
           "corpus_blind_bc", "corpus_blind_bd", "statements_corpus")  # fmt: skip
"""Every earlier family's module (and the statements corpus), searched by the new-words
test."""


@pytest.fixture(scope="module")
def family() -> list[BFSample]:
    return build_bf(2)


@pytest.fixture(scope="module")
def every() -> list[BFSample]:
    return build_bf(4)


@pytest.fixture(scope="module")
def texts(family: list[BFSample]) -> dict[str, str]:
    return {s.name: bf_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BFSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bf_pages(s) for s in family}


def test_every_class_has_family_bf_with_the_fields_it_yields(
    family: list[BFSample], every: list[BFSample], texts: dict[str, str]
) -> None:
    assert SEED == 5660
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BF")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bf_text(s) for s in every)
    for words in ("Yours sincerely,", "WORKSHOP JOB CARD", "Payslip", "Overtime (time and a half)", "Own tools allowance",
                  "Taken from wages", "Take-home pay", "Pay advice", "Total deductions", "Net pay to bank",
                  "Everyday current account", "Money out", "Money in", "Balance carried forward",
                  "Share account statement", "Shares at start of period", "Shares at end of period", "Page 2 of 2"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d\d-[A-Z]{3}-\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]{2} \d\d\b", alltext)
    assert re.search(r"\b\d\d/\d\d/20\d\d (Mon|Tue|Wed|Thu|Fri)\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "dejavucond", "caladea"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_a_fact_is_on_page_2_of_every_two_page_document(every: list[BFSample]) -> None:
    """The money claim's response date and service date, the statutory demand's deadline
    and the mortgage's monthly payment: each two-page document holds at least one true
    value that only its second page prints."""
    two = [s for s in every if len(s.pages) == 2]
    assert {s.truth.document_class for s in two} == {C.COURT_CLAIM_N1, C.STATUTORY_DEMAND, C.MORTGAGE_ARREARS}  # fmt: skip
    for sample in two:
        first = "\n".join(" ".join(c.text for c in row) for row in sample.pages[0])
        second = "\n".join(" ".join(c.text for c in row) for row in sample.pages[1])
        fields = [f for f in corpus.FIELDS if getattr(sample.truth, f) is not None]
        alone = {f: corpus.Truth(document_class=sample.truth.document_class, **{f: getattr(sample.truth, f)}) for f in fields}  # fmt: skip
        only_two = [f for f, truth in alone.items() if values_in_text(truth, first) == (0, 1) and values_in_text(truth, second) == (1, 1)]  # fmt: skip
        if sample.truth.document_class is C.MORTGAGE_ARREARS:
            assert "Boston Castle monthly instalment" in second, sample.name
        else:
            assert only_two, sample.name


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["04-DEC-26", "4th Dec 26", "04/12/2026 Fri"]
    assert ALL_SHAPES[1](dt.date(2025, 9, 22)) == "22nd Sep 25"
    assert ALL_SHAPES[1](dt.date(2025, 9, 11)) == "11th Sep 25"
    assert ALL_SHAPES[1](dt.date(2025, 9, 1)) == "1st Sep 25"
    assert ALL_SHAPES[0](dt.date(2026, 3, 2)) == "02-MAR-26"
    assert ALL_SHAPES[2](dt.date(2026, 3, 2)) == "02/03/2026 Mon"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _cells(sample: BFSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BFSample]) -> None:
    """The bank's lines: each balance the one before, money in less money out; the credit
    union's: each share balance the one before plus the signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money out" in bf_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    out, into = right_cell_at(row, 0.62), right_cell_at(row, 0.77)
                    assert (out is None) != (into is None), sample.name
                    running += -amount_pence(out.text) if out else amount_pence(into.text)  # type: ignore[union-attr]
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
        else:
            start = next(r for r in rows if r and r[0].text == "Shares at start of period")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Shares at end of period")
        assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BFSample]) -> None:
    """The repair centre's earnings come to the total earnings, what is taken from wages
    to the total taken, the difference the take-home pay; the care home's payments column to
    the total payments, its deductions column to the total deductions, the difference the
    net pay to bank. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Take-home pay" in bf_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Total earnings")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Taken from wages")
            foot = next(
                k for k, r in enumerate(rows) if r and r[0].text == "Total taken from wages"
            )
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = amount_pence(next(r for r in rows if r and r[0].text == "Take-home pay")[-1].text)
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Payments")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total payments")
            pays = sum(amount_pence(c.text) for r in rows[head + 1 : foot] if (c := right_cell_at(r, 0.48)))  # fmt: skip
            cuts = sum(amount_pence(c.text) for r in rows[head + 1 : foot] if (c := right_cell_at(r, 0.92)))  # fmt: skip
            gross, off = amounts_pence(" ".join(c.text for c in rows[foot]))
            net = amount_pence(
                next(r for r in rows if r and r[0].text == "Net pay to bank")[-1].text
            )
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"clipboard": "jobcard", "tag": "keytags", "certificate": "motcert", "invoice": "spike", "holder": "taxdisc", "chest": "toolchest"}  # fmt: skip


def _setting(sample: BFSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _label_over_value(cells: list[PrintCell], name: str) -> None:
    assert cells, name
    assert cells[0].size < 8, name
    assert not cells[0].bold, name
    assert cells[-1].bold, name


def _check_page(marks: tuple, rows: list[list[PrintCell]], kind: str, name: str) -> list[str]:  # type: ignore[type-arg]
    held: list[str] = []
    if kind == "jobcard":
        board = next(m for m in marks if m.kind == "clipboard")
        card = next(m for m in marks if m.kind == "jobcard")
        assert (board.row, board.last) == (card.row, card.last), name
        assert board.x0 < card.x0 < card.x1 < board.x1, name
        ruled = [m for m in marks if m.kind == "ruled"]
        assert len(ruled) >= 2, name
        cells = cells_within(rows, card.row + 1, card.last or 0, card.x0, card.x1)
        labels = [c for c in cells if c.x < 0.4]
        values = [c for c in cells if c.x >= 0.4]
        assert labels, name
        assert values, name
        assert all(c.size < 8 and not c.bold for c in labels), name
        assert all(c.bold for c in values), name
        held += [c.text for c in cells]
    elif kind == "keytags":
        board = next(m for m in marks if m.kind == "board")
        tags = [m for m in marks if m.kind == "tag"]
        assert tags, name
        assert {(m.x0, m.x1) for m in tags} <= set(TAGS), name
        for m in tags:
            assert board.row <= m.row <= (m.last or 0) <= (board.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.x >= m.x0 + 0.07 for c in cells), name  # right of the ring
            _label_over_value(cells, name)
            held += [c.text for c in cells]
        for a, b in itertools.pairwise(tags):
            if a.row == b.row:
                assert a.shade != b.shade, name
    elif kind == "motcert":
        cert = next(m for m in marks if m.kind == "certificate")
        boxes = [m for m in marks if m.kind == "mot"]
        assert boxes, name
        assert {(m.x0, m.x1) for m in boxes} <= set(MOTBOXES), name
        for m in boxes:
            assert cert.row < m.row, name
            assert (m.last or 0) <= (cert.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "spike":
        invoice = next(m for m in marks if m.kind == "invoice")
        assert next(m for m in marks if m.kind == "spike").row == invoice.row, name
        for m in (m for m in marks if m.kind == "cell"):
            assert invoice.row < m.row <= (m.last or 0) <= (invoice.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            labels = [c for c in cells if c.x < DIVIDE]
            values = [c for c in cells if c.x > DIVIDE]
            assert labels, name
            assert values, name
            assert all(c.size < 8 and not c.bold and c.align == "left" for c in labels), name
            assert all(c.bold and c.align == "right" and abs(c.x - 0.84) < 0.001 for c in values), name  # fmt: skip
            held += [c.text for c in cells]
    elif kind == "taxdisc":
        holder = next(m for m in marks if m.kind == "holder")
        disc = next(m for m in marks if m.kind == "disc")
        assert holder.row < disc.row <= (disc.last or 0) < (holder.last or 0), name
        cells = cells_within(rows, disc.row, disc.last or 0, 0.0, 1.0)
        assert cells, name
        assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), name
        assert cells[0].bold, name  # the value first
        assert not cells[-1].bold, name  # its label under it
        held += [c.text for c in cells]
    elif kind == "toolchest":
        chest = next(m for m in marks if m.kind == "chest")
        drawers = [m for m in marks if m.kind == "drawer"]
        holders = [m for m in marks if m.kind == "cardholder"]
        assert drawers, name
        assert len(drawers) == len(holders), name
        for drawer, card in zip(drawers, holders, strict=True):
            assert chest.row <= drawer.row <= (drawer.last or 0) <= (chest.last or 0), name
            assert (drawer.row, drawer.last) == (card.row, card.last), name
            assert drawer.x0 < card.x0 < card.x1 < drawer.x1, name
            cells = cells_within(rows, drawer.row, drawer.last or 0, drawer.x0, drawer.x1)
            values = [c for c in cells if c.x < card.x0]
            labels = [c for c in cells if card.x0 <= c.x <= card.x1]
            assert values, name
            assert labels, name
            assert all(c.bold for c in values), name
            assert all(c.size < 8 and not c.bold for c in labels), name
            held += [c.text for c in cells]
    return held


def _check_setting(sample: BFSample, kind: str) -> None:
    truth = sample.truth
    ref = truth.court_claim_number or truth.account_reference
    owed = truth.balance_pence
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    held: list[str] = []
    for n in range(len(sample.pages)):
        held += _check_page(sample.rules[n], _cells(sample, n), kind, sample.name)
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[BFSample]) -> None:
    """The job card on its clipboard, each line a small label and a bold value beside it;
    the key tags two a row on the board, each label over its value right of the ring; the
    MOT certificate's boxes two a row inside it; the invoice's ruled cells under the spike,
    the label left of the divide and the value bold and right-aligned; the disc's lines
    centred inside its holder, the value over its label; the tool chest's drawers, the value
    bold at the left and the label in the card holder at the right. Every setting holds
    the sum and the reference (on either page)."""
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
    """BF's own wording as written in ``corpus_blind_bf`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bf))):
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
    titles += ["Eastwood Pay: missed payments on your plan", "Greasbrough Home Shopping: payments overdue"]  # fmt: skip
    labels += [
        "Date emailed",
        "Eastwood Pay plan ref.",
        "Greasbrough statement produced",
        "Greasbrough customer ref.",
    ]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Rotherham", "Rotherham Metropolitan Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Rotherham court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BF's (108) found in an earlier module: none, once the 71
that a first draft shared (and 6 of its 20 titles) were reworded before any measuring (26
of them a second or third time, the first new wording being found too)."""


def test_no_organisation_person_or_title_of_bf_is_in_an_earlier_family() -> None:
    """BF is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bf
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Overtime (time and a half)", "Own tools allowance", "Taken from wages", "Overalls and laundry",
        "Sleep-in nights", "Shares at start of period", "Shares at end of period", "WORKSHOP JOB CARD",
        "Rotherham", "Thrybergh", "Manvers", "Wickersley", "Brinsworth", "Kimberworth", "Canklow", "Catcliffe",
        "Keppel", "Dearne", "Wentworth", "Masbrough", "Boston Castle", "Herringthorpe", "Eastwood", "Greasbrough",
        "Whiston", "Ulley", "Todwick", "Kilnhurst", "Harthill", "Ravenfield", "Dinnington", "Treeton", "Woodsetts",
        "Rawmarsh", "Riverside House", "The Statutes", "Rotherham Magistrates",
        "job card", "clipboard", "key tag", "key board", "MOT test certificate", "spike", "disc holder",
        "tool chest", "roll cabinet", "coolant", "antifreeze", "angle grinder", "soot",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        found = in_earlier(name, sources)  # module names only: never an earlier module's text
        assert not found, (name, found)
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared


def test_every_true_value_is_printed_on_the_document(every: list[BFSample]) -> None:
    for sample in every:
        for text in (bf_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BFSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bf_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BFSample]) -> None:
    from PIL import Image

    sample = family[0]
    clean = np.asarray(corpus_blind_bf._draw(sample, 0, SCANS[0].dpi), dtype=float)
    stained = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert stained.ndim == 3
    assert stained.shape[0] >= clean.shape[0]
    green = stained[..., 1] - stained[..., 2]
    assert green.max() > 40  # coolant: green well above blue somewhere
    pitted = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert pitted.ndim == 3
    brown = pitted[..., 0] - pitted[..., 2]
    assert brown.max() > 40  # the burnt pits: red well above blue
    sooted = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert sooted.ndim == 2
    edges = min(sooted[:, :40].mean(), sooted[:, -40:].mean())
    assert edges < sooted[:, sooted.shape[1] // 2 - 20 : sooted.shape[1] // 2 + 20].mean() - 10
    data, fmt, _ = bf_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bf_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bf_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bf_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def digest() -> str:
    samples = build_bf(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bf_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bf") == digest()


def test_family_bf_is_trained_on_only_as_a_read_family() -> None:
    """BF is seen since round 49 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "BF" in read_families.READ
    assert "corpus_blind_bf" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_bf", "BF")


# -- the reader on BF (measured once blind, then read in round 49: benchmarks/OCR.md) ----------


@pytest.fixture(scope="module")
def bf_score(
    family: list[BFSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 27/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusbf off a96bff88 = main after round 45's "
    "merges, shipped classifier and field ranker: benchmarks/OCR.md, 'Family BF')"
)
"""The first measurement (38 documents here): every floor met (the creditor at 90%
exactly)."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 49 (training-side): the floors below. The
first measurement (``FIRST``), raised where round 49, which read BF's misses, reads more
(``ROUND_49``: creditor 27 -> 30)."""
UNMET: frozenset[str] = frozenset()
"""The issue's floors not met at the first measurement (strict xfails): none."""
ROUND_49 = (
    "every field 100%: class 38/38, creditor 30/30 (rules of round 49, models "
    "2026-12-06.34; on 76 documents every field 100% as shipped and by the rules: "
    "benchmarks/OCR.md, 'Round 49')"
)
"""After round 49, which read BF's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors not met after round 49 (strict xfails): none on perfect text."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bf_is_read_at_least_as_well_as_first_measured(bf_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bf_score.table("family BF (seen since round 49), perfect text"))
    assert bf_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bf_score.totals[field] == total, field
        assert bf_score.hits[field] >= hits, (field, bf_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"BF after round 49, under the issue's floor: {ROUND_49}"),
)
def test_family_bf_meets_the_floor(bf_score: Score, field: str) -> None:
    """Seen since round 49, so a regression check of a training-side figure: ROUND_49
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(bf_score.accuracy(field), field), field
