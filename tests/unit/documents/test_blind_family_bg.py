# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BG (``corpus_blind_bg.py``), written blind in a new hand (Slough under the law of
England and Wales; its organisations and wording new to the earlier families; its six
settings from a fire station) and read since round 48: the family itself (every class,
ground truth printed, deterministic, laid out on the page, each setting as it says), that
it is trained on only as a read family, and the reader on it on perfect text as the product
reads (the shipped classifier and field ranker), held to the counts reached in round 48.
The OCR sample is in tests/integration/ocr/test_blind_family_bg_ocr.py; the figures are in
benchmarks/OCR.md ("Family BG", and "Round 48", which read BG's misses: every figure on BG
since is a training-side figure). Two documents a class keep this module to a few seconds;
the benchmark reads four."""

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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bg, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bg import (
    ALL_SHAPES,
    LOCKERS,
    SCANS,
    SEED,
    SHIELDS,
    TEMPLATES,
    BGSample,
    bare,
    bg_pages,
    bg_scanned,
    bg_text,
    build_bg,
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
           "corpus_blind_bc", "corpus_blind_bd", "corpus_blind_be", "corpus_blind_bf",
           "statements_corpus")  # fmt: skip
"""Every earlier family's module (and the statements corpus), searched by the new-words
test (the blind ones too: the test prints only BG's own words)."""


@pytest.fixture(scope="module")
def family() -> list[BGSample]:
    return build_bg(2)


@pytest.fixture(scope="module")
def every() -> list[BGSample]:
    return build_bg(4)


@pytest.fixture(scope="module")
def texts(family: list[BGSample]) -> dict[str, str]:
    return {s.name: bg_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BGSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bg_pages(s) for s in family}


def test_every_class_has_family_bg_with_the_fields_it_yields(
    family: list[BGSample], every: list[BGSample], texts: dict[str, str]
) -> None:
    assert SEED == 5760
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BG")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bg_text(s) for s in every)
    for words in ("Yours sincerely,", "Pay advice", "Late-night uplift", "Paid to your bank by BACS", "Payslip",
                  "Mileage allowance", "Total deductions", "Everyday current account", "Money out", "Money in",
                  "Balance carried forward", "Share account statement", "Opening share balance", "Closing share balance",
                  "Please turn over", "(page 2 of 2)"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", alltext)
    assert re.search(r"\b\d\d [A-Z][a-z]{2} '\d\d\b", alltext)
    assert {s.style.face for s in family} == {"dejavu", "libserif", "opensans"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert sum(len(s.pages) == 2 for s in every) == 12
    assert sum(len(s.pages) == 2 for s in family) == 6
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_a_two_page_letter_holds_a_true_value_on_page_2_only(every: list[BGSample]) -> None:
    """Page 2 of a two-page letter holds its last fact (here a true value at least once,
    the deadline), and page 1 does not show that fact's label."""
    seen = 0
    for sample in every:
        if len(sample.pages) != 2:
            continue
        one = " ".join(c.text for r in sample.pages[0] for c in r)
        two = " ".join(c.text for r in sample.pages[1] for c in r)
        assert "Please turn over" in one, sample.name
        assert "(page 2 of 2)" in two, sample.name
        if sample.truth.deadline_date is not None:
            shapes = [shape(sample.truth.deadline_date) for shape in ALL_SHAPES]
            if any(s in two for s in shapes) and not any(s in one for s in shapes):
                seen += 1
    assert seen >= 4


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4.12.2026", "04 Dec '26"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22.9.2025"
    assert ALL_SHAPES[1](dt.date(2025, 3, 1)) == "01 Mar '25"
    assert ALL_SHAPES[1](dt.date(2030, 3, 1)) == "01 Mar '30"
    assert plain(123_456) == "1,234.56"
    assert bare(123_456) == "1234.56"
    assert bare(5) == "0.05"
    assert pounds(5) == "£0.05"


def _cells(sample: BGSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def _crdr(text: str) -> int:
    amount, mark = text.split()
    return amount_pence(amount) * (1 if mark == "CR" else -1)


def test_a_statement_adds_up(every: list[BGSample]) -> None:
    """The bank's lines: each balance (CR or DR) the one before, money in less money out;
    the credit union's: each share balance the one before plus the signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money out" in bg_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = _crdr(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", row[0].text):
                    out, paid_in = right_cell_at(row, 0.6), right_cell_at(row, 0.74)
                    running += amount_pence(paid_in.text) if paid_in else -amount_pence(out.text if out else "")  # fmt: skip
                    assert _crdr(row[-1].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
            assert _crdr(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Opening share balance")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d{1,2}/\d{1,2}", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing share balance")
            assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BGSample]) -> None:
    """The cargo handler's earnings come to the gross, its stoppages to "Total stopped",
    the difference the net pay; the care agency's payments (left block) to the gross, its
    deductions (right block) to the total, the difference the net pay. Both agree with the
    truth; every amount in the tables has no thousands comma."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = bg_text(sample)
        if "Paid to your bank by BACS" in text:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earned this period")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Total earned (gross)")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Stopped from pay")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total stopped")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = next(
                amount_pence(r[-1].text)
                for r in rows
                if r and r[0].text == "Paid to your bank by BACS"
            )
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Payments")
            total = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross pay")
            pays = sum(amount_pence(c.text) for r in rows[head + 1 : total] if (c := right_cell_at(r, 0.47)))  # fmt: skip
            cuts = sum(amount_pence(c.text) for r in rows[head + 1 : total] if (c := right_cell_at(r, 0.92)))  # fmt: skip
            gross, off = amounts_pence(" ".join(c.text for c in rows[total]))
            net = next(amount_pence(r[-1].text) for r in rows if r and r[0].text == "Net pay")
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name
        assert not re.search(r"\d,\d\d\d\.\d\d", " ".join(c.text for r in rows[4:] for c in r if c.align == "right")), sample.name  # fmt: skip


SETTINGS = {"locker": "lockers", "tag": "hosetags", "shield": "shields", "tally": "tally", "hydrant": "hydrant", "rotacard": "rota"}  # fmt: skip


def _setting(sample: BGSample) -> str:
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


def _check_setting(sample: BGSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    name = sample.name
    if kind == "lockers":
        doors = [m for m in marks if m.kind == "locker"]
        plates = [m for m in marks if m.kind == "plate"]
        assert len(doors) == len(plates) >= 3, name
        assert {(m.x0, m.x1) for m in doors} == set(LOCKERS), name
        for door, plate in zip(doors, plates, strict=True):
            assert door.x0 < plate.x0 < plate.x1 < door.x1, name
            assert door.row < plate.row <= (plate.last or 0) < (door.last or 0), name
            cells = cells_within(rows, door.row, door.last or door.row, door.x0, door.x1)
            assert cells == cells_within(rows, plate.row, plate.last or 0, plate.x0, plate.x1), name  # fmt: skip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "hosetags":
        hose = next(m for m in marks if m.kind == "hose")
        tags = [m for m in marks if m.kind == "tag"]
        assert len(tags) >= 3, name
        for m in tags:
            assert hose.row <= m.row, name
            assert (m.last or 0) <= (hose.last or 0), name
            assert hose.x1 < m.x0, name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            _label_beside_value(cells, 0.41, name)
            held += [c.text for c in cells]
    elif kind == "shields":
        shields = [m for m in marks if m.kind == "shield"]
        assert len(shields) >= 4, name
        assert {(m.x0, m.x1) for m in shields} <= set(SHIELDS), name
        assert len({m.x0 for m in shields}) == 3, name  # three a row
        for m in shields:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "centre" for c in cells), name
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "tally":
        board = next(m for m in marks if m.kind == "board")
        tallies = [m for m in marks if m.kind == "tally"]
        assert len(tallies) >= 3, name
        assert all(a.shade != b.shade for a, b in itertools.pairwise(tallies)), name
        for m in tallies:
            assert board.row < m.row, name
            assert (m.last or 0) <= (board.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.x >= m.x0 + 0.07 for c in cells), name  # right of the key clip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "hydrant":
        plate = next(m for m in marks if m.kind == "hydrant")
        aitch = next(m for m in marks if m.kind == "aitch")
        bars = [m for m in marks if m.kind == "bar"]
        assert plate.row < aitch.row, name
        cells = cells_within(rows, (aitch.last or 0) + 1, plate.last or 0, 0.0, 1.0)
        assert len(cells) >= 6, name
        assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), name
        assert len(bars) == sum(not c.bold for c in cells) - 1 or len(bars) >= 3, name
        held += [c.text for c in cells]
    elif kind == "rota":
        card = next(m for m in marks if m.kind == "rotacard")
        band = next(m for m in marks if m.kind == "watches")
        grid = [m for m in marks if m.kind == "cell"]
        assert band.row == card.row, name
        assert len(grid) >= 3, name
        for m in grid:
            assert card.row < m.row, name
            assert (m.last or 0) <= (card.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, 0.1, 0.9)
            _label_beside_value(cells, 0.42, name)
            held += [c.text for c in cells]
    if truth.document_class is not C.OTHER:
        assert money in held, name
        if ref:
            assert ref in held, name


def test_each_setting_puts_its_facts_where_it_says(every: list[BGSample]) -> None:
    """The locker doors two a row, each plate a label over a value; the hose's tags a
    small label and a bold value beside it, right of the hose; the shields three a row,
    centred; the tallies on their board, each right of its key clip, their yellows
    alternating; the hydrant plate's lines centred under its H; the rota card's grid a
    shaded label beside a bold value. Every setting holds the sum and the reference."""
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
    """BG's own wording as written in ``corpus_blind_bg`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bg))):
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
    # the titles and labels set in tuples by the pay-in-three and catalogue branches
    titles += ["Haymill Pay: two payments have failed", "Baylis Home Shopping: payments missed"]  # fmt: skip
    labels += ["Haymill Pay reminder", "Haymill Pay order", "Baylis arrears notice of", "Baylis account number"]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Slough", "Slough Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Slough court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BG's found in an earlier module: none, once those that
a first draft shared were reworded before any measuring (benchmarks/OCR.md, "Family
BG")."""


def test_no_organisation_person_or_title_of_bg_is_in_an_earlier_family() -> None:
    """BG is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bg
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Late-night uplift", "Mileage allowance", "Opening share balance", "Paid to your bank by BACS",
        "Slough", "Langley", "Cippenham", "Chalvey", "Britwell", "Colnbrook", "Poyle", "Queensmere",
        "Herschel", "Ditton Park", "Salt Hill", "Wexham", "Haymill", "Baylis", "Ledgers Road", "Montem",
        "Upton Lea", "Upton Court", "Stoke Poges", "Manor Park", "Datchet", "Jubilee River", "Kedermister",
        "Elliman", "Foxborough", "County Court at Slough", "Reading Magistrates",
        "fire station", "fire engine", "helmet", "hydrant", "breathing-apparatus", "hose reel", "roller shutter",
        "firefighting foam", "charred", "ember hole",
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


def test_every_true_value_is_printed_on_the_document(every: list[BGSample]) -> None:
    for sample in every:
        for text in (bg_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BGSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bg_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BGSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_bg._draw(sample, 0, SCANS[0].dpi), dtype=float)
    foamed = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert foamed.ndim == 3
    assert foamed.shape[0] >= clean.shape[0]
    charred = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert charred.ndim == 3
    assert (charred.sum(axis=2) < 3 * 40).sum() > 1000  # the burnt corner
    holed = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert holed.ndim == 2
    assert (holed < 45).sum() > 50  # the holes
    data, fmt, _ = bg_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bg_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bg_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bg_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = bg_scanned(two, 0)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_embers_burn_only_margins_and_lines_with_no_true_value(family: list[BGSample]) -> None:
    """The rows an ember hole may fall on in the page's body hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_bg._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_bg(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bg_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bg") == digest()


def test_family_bg_is_trained_on_only_as_a_read_family() -> None:
    """BG is seen since round 48 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "BG" in read_families.READ
    assert "corpus_blind_bg" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_bg", "BG")


# -- the reader on BG (measured once blind, then read in round 48: benchmarks/OCR.md) ----------


@pytest.fixture(scope="module")
def bg_score(
    family: list[BGSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 24/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusbg off 6ba4e5b5 = main after BE's and BF's "
    "merges, rules of round 45, shipped classifier and field ranker; on 76 documents class "
    "76/76, creditor 48/60, reference 60/60, balance 60/60, letter date 72/72: "
    "benchmarks/OCR.md, 'Family BG')"
)
"""The first measurement (38 documents here): every floor met but the creditor's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 48 (training-side): the floors below. The
first measurement (``FIRST``), raised where round 48, which read BG's misses, reads more
(``ROUND_48``: creditor 24 -> 30)."""
UNMET = frozenset({"creditor_name"})
"""The issue's floors not met at the first measurement (strict xfails until round 48)."""
ROUND_48 = (
    "every field 100%: class 38/38, creditor 30/30 (rules of round 48, models "
    "2026-12-06.34; on 76 documents every field 100% as shipped: benchmarks/OCR.md, "
    "'Round 48')"
)
"""After round 48, which read BG's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors not met after round 48 (strict xfails): none on perfect text."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bg_is_read_at_least_as_well_as_first_measured(bg_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bg_score.table("family BG (seen since round 48), perfect text"))
    assert bg_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bg_score.totals[field] == total, field
        assert bg_score.hits[field] >= hits, (field, bg_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"BG after round 48, under the issue's floor: {ROUND_48}"),
)
def test_family_bg_meets_the_floor(bg_score: Score, field: str) -> None:
    """Seen since round 48, so a regression check of a training-side figure: ROUND_48
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(bg_score.accuracy(field), field), field
