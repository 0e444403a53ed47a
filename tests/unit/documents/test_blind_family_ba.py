# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BA (``corpus_blind_ba.py``), written blind in a new hand (Basildon under the law
of England and Wales; its organisations and wording new to the earlier families; its six
settings from a theatre, a concert hall and a cinema) and read since round 44: the family
itself (every class, ground truth printed, deterministic, laid out on the page, each setting
as it says), that it is trained on only as a read family, and the reader on it on perfect
text as the product reads (the shipped classifier and field ranker), held to the counts
reached in round 44. The OCR sample is in tests/integration/ocr/test_blind_family_ba_ocr.py;
the figures are in benchmarks/OCR.md ("Family BA", and "Round 44", which read BA's misses:
every figure on BA since is a training-side figure). Two documents a class keep this module
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
    corpus_blind_ba,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ba import (
    ALL_SHAPES,
    BLOCKS,
    PAGES,
    SCANS,
    SEATS_OF_TICKETS,
    SEED,
    STUB,
    TEMPLATES,
    BASample,
    ba_pages,
    ba_scanned,
    ba_text,
    build_ba,
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
           "corpus_blind_ay", "statements_corpus")  # fmt: skip
"""The modules of every family on main when BA was written (A-K, L-Z, G, E, F, I, J, AA to
AL and AN to AY, and the statements corpus), searched by the new-words test. The family
written at the same time by another hand is not among them."""


@pytest.fixture(scope="module")
def family() -> list[BASample]:
    return build_ba(2)


@pytest.fixture(scope="module")
def every() -> list[BASample]:
    return build_ba(4)


@pytest.fixture(scope="module")
def texts(family: list[BASample]) -> dict[str, str]:
    return {s.name: ba_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BASample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ba_pages(s) for s in family}


def test_every_class_has_family_ba_with_the_fields_it_yields(
    family: list[BASample], every: list[BASample], texts: dict[str, str]
) -> None:
    assert SEED == 5160
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BA")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(ba_text(s) for s in every)
    for words in ("Yours faithfully", "Wage slip", "Pay elements", "Night allowance", "Take-home, banked",
                  "Statement of earnings", "TLR allowance", "Net pay to your account", "Current account statement",
                  "Paid out", "Paid in", "End balance", "Member savings statement", "Brought forward", "Carried forward"):  # fmt: skip
        assert words in alltext, words
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert re.search(rf"\b\d{{1,2}}(st|nd|rd|th) of ({months}) 20\d\d\b", alltext)
    assert re.search(r"\b\d\d (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"libserif", "dvcond", "caladea"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4th of December 2026", "04 DEC 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22nd of September 2025"
    assert ALL_SHAPES[0](dt.date(2026, 3, 1)) == "1st of March 2026"
    assert ALL_SHAPES[0](dt.date(2026, 3, 13)) == "13th of March 2026"
    assert ALL_SHAPES[0](dt.date(2026, 5, 23)) == "23rd of May 2026"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "02 MAR 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _cells(sample: BASample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BASample]) -> None:
    """The bank's lines: each balance the one before, paid in less paid out; the credit
    union's: each savings balance the one before plus a "CR" sum or less a "DR" one."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Paid out" in ba_text(sample):
            start = next(r for r in rows if r and r[0].text == "Start balance")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d[A-Z]{3}", row[0].text):
                    amount = amount_pence(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "End balance")
        else:
            start = next(r for r in rows if r and r[0].text == "Brought forward")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    amount = amount_pence(row[2].text)
                    assert row[3].text in ("CR", "DR"), sample.name
                    running += amount if row[3].text == "CR" else -amount
                    assert amount_pence(row[4].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Carried forward")
        assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BASample]) -> None:
    """The warehouse's pay elements come to the gross, its deductions (beside them) to
    what was deducted, the difference the net wage; the school trust's "+" lines to the
    gross earnings, its "-" lines to all deductions, the difference the net pay. Both agree
    with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Wage slip" in ba_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Pay elements")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross this pay run")
            body = [c for r in rows[head + 1 : foot] for c in r if c.align == "right"]
            pays = sum(amount_pence(c.text) for c in body if c.x < 0.5)
            cuts = sum(amount_pence(c.text) for c in body if c.x > 0.5)
            gross, off = amount_pence(rows[foot][1].text), amount_pence(rows[foot][3].text)
            net = amount_pence(
                next(r for r in rows if r and r[0].text == "Take-home, banked")[1].text
            )
        else:
            money = [(r[0].text, amount_pence(r[-1].text)) for r in rows if r and r[-1].align == "right" and re.fullmatch(r"-?[\d,]+\.\d\d", r[-1].text)]  # fmt: skip
            pays = sum(amount for what, amount in money if what == "+")
            cuts = sum(amount for what, amount in money if what == "-")
            gross, off = dict(money)["Gross earnings"], dict(money)["All deductions"]
            net = dict(money)["Net pay to your account"]
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"seats": "seatplan", "song": "setlist", "stars": "playbill", "spread": "programme",
            "ticket": "tickets", "groove": "letterboard"}  # fmt: skip


def _setting(sample: BASample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: BASample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "seatplan":
        stage = next(m for m in marks if m.kind == "stage")
        blocks = [m for m in marks if m.kind == "seats"]
        assert len(blocks) >= 4, sample.name
        assert {(m.x0, m.x1) for m in blocks} == set(BLOCKS), sample.name
        for m in blocks:
            assert stage.row < m.row, sample.name  # the stage at the head
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert cells[0].size < 8, sample.name
            assert not cells[0].bold, sample.name
            assert cells[-1].bold, sample.name
            ends = [c.text for c in rows[m.row] if c.x < m.x0 or c.x > m.x1]
            assert len(ends) == 2, sample.name  # lettered at both ends
            assert ends[0] == ends[1], sample.name
            assert len(ends[0]) == 1, sample.name
            held += [c.text for c in cells]
    elif kind == "setlist":
        songs = [m for m in marks if m.kind == "song"]
        sheet = next(m for m in marks if m.kind == "setsheet")
        assert len(songs) >= 4, sample.name
        for k, m in enumerate(songs):
            assert sheet.row <= m.row, sample.name
            assert (m.last or 0) <= (sheet.last or 0), sample.name
            first = rows[m.row]
            assert first[0].text == f"{k + 1}.", sample.name
            assert first[0].bold, sample.name
            cells = cells_within(rows, m.row, m.last or m.row, 0.15, 0.9)
            assert all(c.bold for c in cells if not c.italic), sample.name
            assert cells[-1].italic, sample.name
            assert cells[-1].size < 8, sample.name
            held += [c.text for c in cells if c.bold]
    elif kind == "playbill":
        bill = next(m for m in marks if m.kind == "bill")
        stars = [m for m in marks if m.kind == "stars"]
        assert len(stars) >= 3, sample.name
        body = [c for r in rows[bill.row : (bill.last or 0) + 1] for c in r]
        assert body, sample.name
        assert all(c.align == "centre" for c in body), sample.name
        labels = [c for c in body if not c.bold]
        assert all(c.text == c.text.upper() for c in labels), sample.name
        assert all(c.size < 8 for c in labels), sample.name
        assert all(bill.row < m.row < (bill.last or 0) for m in stars), sample.name
        held += [c.text for c in body if c.bold]
    elif kind == "programme":
        spread = next(m for m in marks if m.kind == "spread")
        body = [c for r in rows[spread.row : (spread.last or 0) + 1] for c in r]
        left = [c for c in body if c.x < 0.5]
        right = [c for c in body if c.x > 0.5]
        assert left, sample.name
        assert right, sample.name
        for (x0, x1), side in zip(PAGES, (left, right), strict=True):
            values = [c for c in side if c.bold and c.align == "right"]
            assert values, sample.name
            assert all(abs(c.x - x1) < 0.001 for c in values), sample.name
            assert all(c.italic for c in side if not c.bold), sample.name
            assert all(x0 <= c.x for c in side), sample.name
        held += [c.text for c in body if c.bold]
    elif kind == "tickets":
        tickets = [m for m in marks if m.kind == "ticket"]
        assert len(tickets) >= 4, sample.name
        assert len({m.shade for m in tickets}) >= 3, sample.name
        for m in tickets:
            assert (m.x0, m.x1) in SEATS_OF_TICKETS, sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert all(c.x > m.x0 + STUB for c in cells), sample.name  # nothing on the stub
            assert cells[0].size < 8, sample.name
            assert not cells[0].bold, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "letterboard":
        board = next(m for m in marks if m.kind == "letterboard")
        grooves = [m for m in marks if m.kind == "groove"]
        assert len(grooves) >= 4, sample.name
        body = [c for r in rows[board.row : (board.last or 0) + 1] for c in r]
        assert all(c.text == c.text.upper() for c in body), sample.name
        assert all(c.x >= 0.5 for c in body if c.bold), sample.name
        assert all(c.x < 0.5 for c in body if not c.bold), sample.name
        held += [c.text.casefold() for c in body if c.bold]
        money, ref = money.casefold(), (ref or "").casefold()
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[BASample]) -> None:
    """The stage at the head of the seating plan, each block a label over its value, the
    rows lettered at both ends; each song of the set list numbered, its value bold and its
    label in small italics under it; every line of the playbill centred, its labels in
    small capitals; the programme's two pages, each value at its page's right edge, each
    label in italics; each ticket a label over a value, nothing on its stub; the letter
    board in capitals, the labels at the left and the values at the right. Every setting
    holds the sum and the reference."""
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
    """BA's own wording as written in ``corpus_blind_ba`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ba))):
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
         "HM Revenue and Customs", "County Court at Basildon", "Basildon Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Basildon court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ba_is_in_an_earlier_family() -> None:
    """BA is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words, scans' words or titles appears in the
    earlier families' modules, nor most of its labels (real letters share the plainest
    ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_ba
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Night allowance", "Take-home, banked", "TLR allowance", "Member savings statement", "Gross this pay run",
        "Basildon", "Pitsea", "Laindon", "Vange", "Nethermayne", "Bowers Gifford", "Cranes Farm", "Langdon Hills",
        "Nevendon", "Felmores", "Ghyllgrove", "Kingswood", "Craylands", "Barstable", "Noak Bridge", "Holy Cross",
        "Burnt Mills", "Great Berry", "Lee Chapel", "Dunton",
        "seating plan", "set list", "playbill", "letter board", "cast list", "confetti", "stage light", "wine",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[BASample]) -> None:
    for sample in every:
        for text in (ba_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BASample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: ba_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BASample]) -> None:
    """Each scan's effect, checked on the encoded scans themselves where they are images
    (so the stage light and the confetti are drawn once each)."""
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_ba._draw(sample, 0, SCANS[0].dpi), dtype=float)
    data, fmt, _ = ba_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    photo = Image.open(io.BytesIO(data))
    assert photo.info.get("dpi") is not None
    lit = np.asarray(photo.convert("RGB"), dtype=float)
    assert lit.shape[0] >= clean.shape[0]
    assert (lit[..., 0] - lit[..., 1]).mean() > 25  # the wash is warm: red above green
    assert lit.mean() < clean.mean() - 10  # and dimmer than the clean page
    data, fmt, _ = ba_scanned(sample, 3)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is None
    data, fmt, _ = ba_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    scan = Image.open(io.BytesIO(data))
    assert "dpi" in scan.info
    confetti = np.asarray(scan.convert("RGB"), dtype=float)
    saturated = confetti.max(axis=2) - confetti.min(axis=2)
    assert (saturated > 120).sum() > 200  # bright paper pieces
    wine = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert wine.ndim == 2
    assert wine.min() < 200  # the spatters darken the page somewhere
    data, fmt, _ = ba_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_confetti_falls_only_on_margins_and_lines_with_no_true_value(
    family: list[BASample],
) -> None:
    """The rows the confetti may settle on in the page's body hold no word of a true
    value."""
    for sample in family[:12]:
        free = corpus_blind_ba._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_ba(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ba_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ba") == digest()


def test_family_ba_is_trained_on_only_as_a_read_family() -> None:
    """BA is seen since round 44 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "BA" in read_families.READ
    assert "corpus_blind_ba" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ba", "BA")


# -- the reader on BA (measured blind, then read in round 44: benchmarks/OCR.md) -----------------


@pytest.fixture(scope="module")
def ba_score(
    family: list[BASample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 28/30, original creditor 2/2, reference 29/30, balance "
    "30/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 3/4, served 2/2 (branch corpusba off 4958731f = main after round 42's "
    "merges, shipped classifier and field ranker; on 76 documents class 76/76, creditor "
    "56/60, reference 58/60, balance 60/60, letter date 72/72, claim no. 8/8, frequency 7/8: "
    "benchmarks/OCR.md, 'Family BA')"
)
"""The first measurement (38 documents here): every floor met but the frequency's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 44 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"frequency"})
"""The issue's floors not met at the first measurement, blind; since round 44
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_ba_is_read_at_least_as_well_as_first_measured(ba_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + ba_score.table("family BA (seen since round 44), perfect text"))
    assert ba_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert ba_score.totals[field] == total, field
        assert ba_score.hits[field] >= hits, (field, ba_score.hits[field], hits)


ROUND_44 = "every floor met (rules of round 44, models 2026-12-06.34); counts in MEASURED"
"""After round 44, which read BA's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 44 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"BA after round 44, under the issue's floor: {ROUND_44}"),
)
def test_family_ba_meets_the_floor(ba_score: Score, field: str) -> None:
    """Seen since round 44, so a regression check of a training-side figure: ROUND_44
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(ba_score.accuracy(field), field), field
