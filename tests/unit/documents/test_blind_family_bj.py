# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BJ (``corpus_blind_bj.py``), written blind in a new hand (Harlow, Essex, under the
law of England and Wales; its organisations and wording new to the earlier read families;
its six settings from a veterinary practice): the family itself (every class, ground
truth printed, deterministic, laid out on the page, each setting as it says), that nothing
trains on it, and the reader on it on perfect text as the product reads (the shipped
classifier and field ranker), held to the counts of its first measurement. The OCR sample
is in tests/integration/ocr/test_blind_family_bj_ocr.py; the figures are in
benchmarks/OCR.md ("Family BJ"). Two documents a class keep this module to a few seconds;
the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import itertools
import math
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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bj, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bj import (
    ALL_SHAPES,
    BONES,
    GATES,
    PENS,
    SCANS,
    SEED,
    SLIP,
    STICKER,
    TEMPLATES,
    BJSample,
    bare,
    bj_pages,
    bj_scanned,
    bj_text,
    build_bj,
    page_size,
    plain,
    pounds,
    render,
    sterling,
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
"""Every earlier read family's module (and the statements corpus), searched by the
new-words test; the blind families' modules (Y, I, AH, BE, BF, BH) are left out: BJ's
author never opened them."""


@pytest.fixture(scope="module")
def family() -> list[BJSample]:
    return build_bj(2)


@pytest.fixture(scope="module")
def every() -> list[BJSample]:
    return build_bj(4)


@pytest.fixture(scope="module")
def texts(family: list[BJSample]) -> dict[str, str]:
    return {s.name: bj_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BJSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bj_pages(s) for s in family}


def test_every_class_has_family_bj_with_the_fields_it_yields(
    family: list[BJSample], every: list[BJSample], texts: dict[str, str]
) -> None:
    assert SEED == 6060
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BJ")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bj_text(s) for s in every)
    for words in ("With best wishes", "Nurse's pay record", "On-call standby", "Net paid by bank transfer", "Pay note",
                  "Weekend kennel cover", "All earnings", "Less added up", "Current account: your sheet", "Paid out",
                  "Balance at the foot of the sheet", "Savings account statement", "Savings when the period began",
                  "Savings when the period ended", "Continued on the next sheet", " - sheet 2", "Vaccination record",
                  "Today's list", "Scale 2  net"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d\d/\d\d/\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ '\d\d\b", alltext)
    assert {s.style.face for s in family} == {"libsans", "dvserif", "carlito"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert sum(len(s.pages) == 2 for s in every) == 12
    assert sum(len(s.pages) == 2 for s in family) == 6
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_a_two_page_letter_holds_a_true_value_on_page_2_only(every: list[BJSample]) -> None:
    """Page 2 of a two-page letter holds its last fact (here a true value at least once,
    the deadline), and page 1 does not show it."""
    seen = 0
    for sample in every:
        if len(sample.pages) != 2:
            continue
        one = " ".join(c.text for r in sample.pages[0] for c in r)
        two = " ".join(c.text for r in sample.pages[1] for c in r)
        assert "Continued on the next sheet" in one, sample.name
        assert " - sheet 2" in two, sample.name
        if sample.truth.deadline_date is not None:
            shapes = [shape(sample.truth.deadline_date) for shape in ALL_SHAPES]
            if any(s in two for s in shapes) and not any(s in one for s in shapes):
                seen += 1
    assert seen >= 4


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["04/12/26", "4th December '26"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22/09/25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 1)) == "1st March '25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 2)) == "2nd March '25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 3)) == "3rd March '25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 11)) == "11th March '25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 12)) == "12th March '25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 13)) == "13th March '25"
    assert ALL_SHAPES[1](dt.date(2025, 3, 22)) == "22nd March '25"
    assert ALL_SHAPES[1](dt.date(2030, 3, 31)) == "31st March '30"
    assert plain(123_456) == "1,234.56"
    assert bare(123_456) == "1234.56"
    assert sterling(123_456) == "£1234.56"
    assert sterling(5) == "£0.05"
    assert pounds(5) == "£0.05"


def _cells(sample: BJSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BJSample]) -> None:
    """The bank's lines: each balance (a minus when overdrawn) the one before, paid in
    less paid out; the credit union's: each savings figure the one before plus the signed
    amount. Every table amount has its pound sign and no thousands comma."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Paid out" in bj_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance at the top of the sheet")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d[A-Z]{3}", row[0].text):
                    out, paid_in = right_cell_at(row, 0.6), right_cell_at(row, 0.74)
                    running += amount_pence(paid_in.text) if paid_in else -amount_pence(out.text if out else "")  # fmt: skip
                    assert amount_pence(row[-1].text) == running, sample.name
                    assert all(re.fullmatch(r"-?£\d+\.\d\d", c.text) for c in row[2:]), sample.name
            end = next(r for r in rows if r and r[0].text == "Balance at the foot of the sheet")
            assert amount_pence(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Savings when the period began")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
                    assert all(re.fullmatch(r"-?£\d+\.\d\d", c.text) for c in row[2:]), sample.name
            end = next(r for r in rows if r and r[0].text == "Savings when the period ended")
            assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BJSample]) -> None:
    """The veterinary centre's earnings come to the gross, its deductions to "All
    withheld", the difference the net pay; the kennels' earnings (left block) to the
    gross, its deductions (right block) to the total, the difference the net pay. Both
    agree with the truth; every amount in the tables has no thousands comma."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = bj_text(sample)
        if "Net paid by bank transfer" in text:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earned")
            mid = next(
                k for k, r in enumerate(rows) if r and r[0].text == "Earned before deductions"
            )
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Withheld")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "All withheld")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = next(
                amount_pence(r[-1].text)
                for r in rows
                if r and r[0].text == "Net paid by bank transfer"
            )
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            total = next(k for k, r in enumerate(rows) if r and r[0].text == "All earnings")
            pays = sum(amount_pence(c.text) for r in rows[head + 1 : total] if (c := right_cell_at(r, 0.47)))  # fmt: skip
            cuts = sum(amount_pence(c.text) for r in rows[head + 1 : total] if (c := right_cell_at(r, 0.92)))  # fmt: skip
            gross, off = amounts_pence(" ".join(c.text for c in rows[total]))
            net = next(
                amount_pence(r[-1].text) for r in rows if r and r[0].text == "Net to the employee"
            )
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name
        assert not re.search(r"\d,\d\d\d\.\d\d", " ".join(c.text for r in rows[4:] for c in r if c.align == "right")), sample.name  # fmt: skip


SETTINGS = {"kennel": "kennels", "pen": "catpens", "bone": "idtags", "vaccard": "vaccard", "slip": "weighslip", "board": "apptboard"}  # fmt: skip


def _setting(sample: BJSample) -> str:
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


def _check_setting(sample: BJSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    name = sample.name
    if kind == "kennels":
        gates = [m for m in marks if m.kind == "kennel"]
        cards = [m for m in marks if m.kind == "gatecard"]
        assert len(gates) == len(cards) >= 3, name
        assert {(m.x0, m.x1) for m in gates} == set(GATES), name
        for gate, card in zip(gates, cards, strict=True):
            assert gate.x0 < card.x0 < card.x1 < gate.x1, name
            assert gate.row < card.row <= (card.last or 0) < (gate.last or 0), name
            cells = cells_within(rows, gate.row, gate.last or gate.row, gate.x0, gate.x1)
            assert cells == cells_within(rows, card.row, card.last or 0, card.x0, card.x1), name  # fmt: skip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "catpens":
        pens = [m for m in marks if m.kind == "pen"]
        assert len(pens) >= 3, name
        for k, (a, b) in enumerate(itertools.pairwise(pens)):
            assert (a.x0, a.x1) == PENS[k % 2], name  # left and right by turns
            assert (b.x0, b.x1) == PENS[(k + 1) % 2], name
            assert (a.last or 0) < b.row, name  # one pen a fact, down the page
            assert a.shade != b.shade, name
        for m in pens:
            cells = [c for r in rows[m.row : (m.last or m.row) + 1] for c in r]
            assert all(m.x0 < c.x < m.x1 for c in cells), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "idtags":
        bones = [m for m in marks if m.kind == "bone"]
        collars = [m for m in marks if m.kind == "collar"]
        assert len(bones) >= 3, name
        assert {(m.x0, m.x1) for m in bones} <= set(BONES), name
        assert len({m.x0 for m in bones}) == 3, name  # three a row
        assert len(collars) == math.ceil(len(bones) / 3), name
        for m in bones:
            assert any(c.row < m.row for c in collars), name  # a collar above each
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "centre" for c in cells), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "vaccard":
        card = next(m for m in marks if m.kind == "vaccard")
        head = next(m for m in marks if m.kind == "vachead")
        stickers = [m for m in marks if m.kind == "sticker"]
        assert head.row == card.row, name
        assert len(stickers) >= 3, name
        for m in stickers:
            assert (m.x0, m.x1) == STICKER, name
            assert card.row < m.row <= (m.last or 0) <= (card.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, 0.1, 0.9)
            _label_beside_value(cells, STICKER[0], name)
            assert all(c.x > m.x0 + 0.04 for c in cells if c.bold), name  # right of the barcode
            held += [c.text for c in cells]
    elif kind == "weighslip":
        slip = next(m for m in marks if m.kind == "slip")
        dashes = [m for m in marks if m.kind == "dash"]
        assert len(dashes) >= 3, name
        cells = cells_within(rows, dashes[0].row, slip.last or 0, 0.0, 1.0)
        assert cells, name
        assert all(SLIP[0] < c.x <= SLIP[1] for c in cells), name
        assert all(c.align == "right" and abs(c.x - (SLIP[1] - 0.03)) < 0.001 for c in cells if c.bold), name  # fmt: skip
        assert all(c.align == "left" and c.size < 8 for c in cells if not c.bold), name
        for a, b in itertools.pairwise(dashes):
            between = cells_within(rows, a.row, b.row - 1, 0.0, 1.0)
            _label_over_value(between, name)
        held += [c.text for c in cells]
    elif kind == "apptboard":
        board = next(m for m in marks if m.kind == "board")
        slots = [m for m in marks if m.kind == "slot"]
        assert len(slots) >= 3, name
        times = []
        for m in slots:
            assert board.row < m.row <= (board.last or 0), name
            row = rows[m.row]
            pill = [c for c in row if m.x0 <= c.x <= m.x1]
            assert len(pill) == 1, name
            assert re.fullmatch(r"\d{1,2}:\d\d", pill[0].text), name
            hour, minute = pill[0].text.split(":")
            times.append(int(hour) * 60 + int(minute))
            end = next((s.row for s in slots if s.row > m.row), (board.last or 0) + 1)
            cells = cells_within(rows, m.row, end - 1, 0.22, 0.9)
            _label_beside_value(cells, 0.48, name)
            held += [c.text for c in cells]
        assert all(b - a == 10 for a, b in itertools.pairwise(times)), name
    if truth.document_class is not C.OTHER:
        assert money in held, name
        if ref:
            assert ref in held, name


def test_each_setting_puts_its_facts_where_it_says(every: list[BJSample]) -> None:
    """The kennel gates two a row, each card a label over a value inside its gate; the
    cattery pens one a fact, left and right by turns; the bone tags three a row under
    their collar, centred; the vaccination card's labels beside their values on batch
    stickers; the scale's printout a small label over a value set against its right edge;
    the appointment board's lines each behind a time pill ten minutes after the last.
    Every setting holds the sum and the reference."""
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
    """BJ's own wording as written in ``corpus_blind_bj`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bj))):
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
    titles += ["Bush Fair Pay Later: we could not take two instalments", "Hodings Home Catalogue: your account is behind"]  # fmt: skip
    labels += ["Bush Fair reminder sent", "Bush Fair purchase ref.", "Hodings wrote on", "Hodings customer no."]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Chelmsford", "Harlow Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Chelmsford court
are new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BJ's found in an earlier read module: none, once the 27
a first draft shared were reworded (31 rewordings) before any measuring
(benchmarks/OCR.md, "Family BJ")."""


def test_no_organisation_person_or_title_of_bj_is_in_an_earlier_family() -> None:
    """BJ is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier read families, nor any of its labels of two words or more."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bj
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "On-call standby", "Weekend kennel cover", "Net paid by bank transfer", "Savings when the period began",
        "Harlow", "Mark Hall", "Water Gardens", "Sumners", "Netteswell", "Toddbrook", "Kingsmoor", "Potter Street",
        "Parndon", "Latton Brook", "Harvey Centre", "Gibberd", "Tye Green", "Bush Fair", "Hodings", "Passmores",
        "Fesants", "Hastingwood", "Moorhall", "Paringdon", "Church Langley", "Hobtoe", "Copshall", "Riddings",
        "County Court at Chelmsford", "Chelmsford Magistrates",
        "kennel", "cattery", "collar", "vaccination", "bone-shaped", "thermal paper", "appointment board",
        "horsebox", "wet nose", "chewed", "cat's tail",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        hits = in_earlier(name, sources)
        assert not hits, name
    assert len(labels) > 100
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared


def test_every_true_value_is_printed_on_the_document(every: list[BJSample]) -> None:
    for sample in every:
        for text in (bj_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BJSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bj_pages(s) for s in every}, page_size)


def _dark(image: np.ndarray, level: int = 60) -> int:
    grey = image if image.ndim == 2 else image.mean(axis=2)
    return int((grey < level).sum())


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BJSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_bj._draw(sample, 0, SCANS[1].dpi), dtype=float)
    nosed = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert nosed.ndim == 3
    assert nosed.shape[0] >= clean.shape[0] * SCANS[0].dpi // SCANS[1].dpi
    chewed = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert chewed.ndim == 3
    assert _dark(chewed) > _dark(clean) + 1000  # the bites, the lid dark through them
    tailed = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert tailed.ndim == 2
    assert tailed.mean() < clean.mean() - 1  # the tail's shadow (the page's mean, any dpi)
    data, fmt, _ = bj_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bj_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bj_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bj_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = bj_scanned(two, 2)  # the cheapest scan: two pages, one PDF
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def digest() -> str:
    samples = build_bj(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bj_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bj") == digest()


def test_family_bj_is_never_used_to_train_or_calibrate() -> None:
    assert_never_trained_on("corpus_blind_bj", "BJ")


# -- the reader on BJ (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def bj_score(
    family: list[BJSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 29/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 35/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "1/2, frequency 4/4, served 2/2 (branch corpusbj off cc3104e3 = main after round 48, "
    "shipped classifier and field ranker; on 76 documents class 76/76, creditor 58/60, "
    "reference 60/60, balance 60/60, letter date 72/72, gross 2/4: benchmarks/OCR.md, "
    "'Family BJ')"
)
"""The first measurement (38 documents here): every floor met but the gross pay's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (37, 38), "creditor_name": (29, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (35, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (1, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
UNMET = frozenset({"gross_pence"})
"""The issue's floors not met at the first measurement (strict xfails below)."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bj_is_read_at_least_as_well_as_first_measured(bj_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bj_score.table("held-out family BJ (written blind), perfect text"))
    assert bj_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bj_score.totals[field] == total, field
        assert bj_score.hits[field] >= hits, (field, bj_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, UNMET, f"BJ blind, first measurement under the issue's floor: {FIRST}"),
)
def test_family_bj_meets_the_floor(bj_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(bj_score.accuracy(field), field), field
