# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BE (``corpus_blind_be.py``), written blind in a new hand (Woking, Surrey, under
the law of England and Wales; its organisations and wording new to the earlier families;
its six settings from a hotel and a guest house): the family itself (every class, ground
truth printed, deterministic, laid out on the page, each setting as it says, two-page
letters with a field on page 2) and read since round 50: that it is trained on only as a
read family, and the reader on it on perfect text as the product reads (the shipped
classifier and field ranker), held to the counts reached in round 50. The OCR sample is in
tests/integration/ocr/test_blind_family_be_ocr.py; the figures are in benchmarks/OCR.md
("Family BE", and "Round 50", which read BE's misses: every figure on BE since is a
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
    assert_only_read_family,
    assert_words_on_page,
    cells_within,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_be, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_be import (
    ALL_SHAPES,
    DOOR,
    FOB_COLUMNS,
    HANG,
    POCKETS,
    SCANS,
    SEED,
    TEMPLATES,
    BESample,
    bare,
    be_pages,
    be_scanned,
    be_text,
    build_be,
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
test (by the program: only BE's own phrases found in them are ever shown)."""


@pytest.fixture(scope="module")
def family() -> list[BESample]:
    return build_be(2)


@pytest.fixture(scope="module")
def every() -> list[BESample]:
    return build_be(4)


@pytest.fixture(scope="module")
def texts(family: list[BESample]) -> dict[str, str]:
    return {s.name: be_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BESample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: be_pages(s) for s in family}


def test_every_class_has_family_be_with_the_fields_it_yields(
    family: list[BESample], every: list[BESample], texts: dict[str, str]
) -> None:
    assert SEED == 5560
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BE")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(be_text(s) for s in every)
    for words in ("Yours sincerely,", "Pay advice", "Sunday working premium", "Net wages to your bank", "Payslip",
                  "Sleep-in nights allowance", "Net pay by BACS", "Everyday account statement", "Money out", "Money in",
                  "Balance carried forward", "Share account statement", "Share balance at the start",
                  "Share balance at the end", "Continued overleaf", "Page 2 of 2"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d\d-[A-Z][a-z]{2}-20\d\d\b", alltext)
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 20\d\d\b", alltext)
    assert re.search(r"£\d{4,}\.\d\d\b", alltext)  # a sum with no thousands comma
    assert {s.style.face for s in family} == {"carlito", "caladea", "dvcond"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_two_page_letters_hold_a_field_on_page_two(every: list[BESample]) -> None:
    """The claim form always, and the odd judgment, enforcement notice, statutory demand and
    letter before claim, run to two pages; a true value is on page 2 and on page 2 only
    (the deadline where there is one, else the claimant's own reference)."""
    two = [s for s in every if len(s.pages) == 2]
    assert {s.truth.document_class for s in two} == {C.COURT_CLAIM_N1, C.COUNTY_COURT_JUDGMENT, C.ENFORCEMENT_AGENT_NOTICE, C.STATUTORY_DEMAND, C.LETTER_OF_CLAIM}  # fmt: skip
    assert len(two) == 12
    for sample in two:
        first, second = be_text(sample).split("\f")
        only_two = [
            field
            for field in corpus.FIELDS
            if (value := getattr(sample.truth, field)) is not None
            and any(f in second for f in corpus_blind_be.printed_forms(field, value))
            and not any(f in first for f in corpus_blind_be.printed_forms(field, value))
        ]
        assert only_two, sample.name
        if sample.truth.deadline_date is not None:
            assert "deadline_date" in only_two, sample.name
        assert "Continued overleaf" in first, sample.name
        assert "Page 2 of 2" in second, sample.name


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["04-Dec-2026", "Fri 4 Dec 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 1)) == "01-Sep-2025"
    assert ALL_SHAPES[1](dt.date(2025, 9, 22)) == "Mon 22 Sep 2025"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"
    assert bare(123_456_789) == "£1234567.89"
    assert bare(7) == "£0.07"


def _cells(sample: BESample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BESample]) -> None:
    """The bank's lines: each balance the one before, money in less money out; the credit
    union's: each share balance the one before plus the signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money out" in be_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    out = right_cell_at(row, 0.62)
                    amount = amount_pence(row[2].text)
                    running += -amount if out is not None else amount
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
        else:
            start = next(r for r in rows if r and r[0].text == "Share balance at the start")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Share balance at the end")
        assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BESample]) -> None:
    """The garden centre's earnings come to "Total earned", its deductions to "Total
    withheld", the difference the take-home pay; the care home's "Add" lines to the gross
    pay, its "Less" lines to the total deducted, the difference paid by BACS. Both agree
    with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        money = [(r[0].text, amount_pence(r[-1].text)) for r in rows if r and r[-1].align == "right" and re.fullmatch(r"-?[\d,]+\.\d\d", r[-1].text)]  # fmt: skip
        if "Net wages to your bank" in be_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earned")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Total earned")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Withheld")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total withheld")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = dict(money)["Net wages to your bank"]
        else:
            pays = sum(amount for what, amount in money if what == "Add")
            cuts = sum(amount for what, amount in money if what == "Less")
            gross, off = dict(money)["Gross pay this period"], dict(money)["Total deducted"]
            net = dict(money)["Net pay by BACS"]
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"wallet": "wallets", "cup": "doorcard", "regcard": "registration", "hanger": "hanger", "fob": "keyrack", "tentcard": "minibar"}  # fmt: skip


def _setting(sample: BESample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _label_over_value(cells: list[PrintCell], name: str) -> None:
    assert cells, name
    assert cells[0].size < 8, name
    assert not cells[0].bold, name
    assert cells[-1].bold, name


def _check_page(sample: BESample, n: int, kind: str) -> list[str]:
    """The page's setting as it says; the words it holds."""
    rows, marks, name = _cells(sample, n), sample.rules[n], sample.name
    held: list[str] = []
    if kind == "wallets":
        wallets = [m for m in marks if m.kind == "wallet"]
        cards = [m for m in marks if m.kind == "keycard"]
        assert len(wallets) == len(cards) >= 1, name
        assert {(m.x0, m.x1) for m in wallets} <= set(POCKETS), name
        for wallet, card in zip(wallets, cards, strict=True):
            assert card.row + 1 == wallet.row, name  # the card shows above its wallet
            assert wallet.x0 < card.x0 < card.x1 < wallet.x1, name
            cells = cells_within(rows, wallet.row, wallet.last or wallet.row, wallet.x0, wallet.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "doorcard":
        card = next(m for m in marks if m.kind == "doorcard")
        cups = [m for m in marks if m.kind == "cup"]
        tears = [m for m in marks if m.kind == "perforation"]
        assert len(tears) == len(cups) - 1 >= 1, name
        assert (card.x0, card.x1) == DOOR, name
        for cup in cups:
            assert card.row + 4 <= cup.row <= (cup.last or 0) <= (card.last or 0), name
            cells = cells_within(rows, cup.row, cup.last or cup.row, card.x0, card.x1)
            assert all(c.x > cup.x0 for c in cells), name  # right of the cup
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "registration":
        card = next(m for m in marks if m.kind == "regcard")
        lines = [m for m in marks if m.kind == "writeline"]
        assert len(lines) >= 2, name
        for line in lines:
            assert card.row < line.row <= (line.last or 0) <= (card.last or 0), name
            cells = cells_within(rows, line.row, line.last or line.row, 0.0, 1.0)
            labels = [c for c in cells if c.x < line.x0]
            values = [c for c in cells if c.x >= line.x0]
            assert labels, name
            assert values, name
            assert all(c.size < 8 and not c.bold for c in labels), name
            assert all(c.bold for c in values), name
            held += [c.text for c in cells]
    elif kind == "hanger":
        hanger = next(m for m in marks if m.kind == "hanger")
        moon = next(m for m in marks if m.kind == "moon")
        assert (hanger.x0, hanger.x1) == HANG, name
        assert hanger.row < moon.row, name
        cells = cells_within(rows, (moon.last or 0) + 1, hanger.last or 0, 0.0, 1.0)
        assert len(cells) >= 4, name
        assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), name
        assert len({c.size for c in cells if c.bold}) == 1, name  # the values one size
        held += [c.text for c in cells]
    elif kind == "keyrack":
        board = next(m for m in marks if m.kind == "rackboard")
        fobs = [m for m in marks if m.kind == "fob"]
        assert len(fobs) >= 2, name
        assert {(m.x0, m.x1) for m in fobs} <= set(FOB_COLUMNS), name
        assert all(a.shade != b.shade for a, b in itertools.pairwise(fobs)), name
        for m in fobs:
            assert board.row < m.row <= (m.last or 0) <= (board.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "minibar":
        card = next(m for m in marks if m.kind == "tentcard")
        bottle = next(m for m in marks if m.kind == "bottle")
        shades = [m for m in marks if m.kind == "shade"]
        assert card.row < bottle.row, name
        assert shades, name
        cells = cells_within(rows, (bottle.last or 0) + 1, card.last or 0, 0.0, 1.0)
        labels = [c for c in cells if not c.bold]
        values = [c for c in cells if c.bold]
        assert labels, name
        assert values, name
        assert all(c.size < 8 and c.x < 0.5 for c in labels), name
        assert all(c.align == "right" and abs(c.x - 0.81) < 0.001 for c in values), name
        held += [c.text for c in cells]
    return held


def test_each_setting_puts_its_facts_where_it_says(every: list[BESample]) -> None:
    """Each key-card wallet with its card showing above it, two a row, a label over a
    value; the breakfast card's facts under its hole and band, each right of its cup and
    torn off by a perforation; the registration card's labels left of the write-in lines
    and the values bold on them; the door hanger's lines centred under its moon, the
    values one size; the key fobs three a row on the rack's board, their colours
    changing; the minibar card's labels small at the left and the values bold and
    right-aligned. Every setting holds the sum and the reference, on one page or two."""
    seen = dict.fromkeys(SETTINGS.values(), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        held = [w for n in range(len(sample.pages)) for w in _check_page(sample, n, kind)]
        truth = sample.truth
        if truth.document_class is not C.OTHER:
            owed = (
                truth.balance_pence if truth.balance_pence is not None else truth.income_pence or 0
            )
            assert pounds(owed) in held or bare(owed) in held, sample.name
            ref = truth.court_claim_number or truth.account_reference
            if ref:
                assert ref in held, sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """BE's own wording as written in ``corpus_blind_be`` (the constant strings of two words
    or more): its titles, and its labels (references', dates', the facts' and the tables'
    and payslips' lines)."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_be))):
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
    # the titles and labels set in tuples by the split-payment and catalogue branches
    titles += ["Bisley Split: your payments have failed", "Ottershaw Home Shopping: arrears on your account"]  # fmt: skip
    labels += ["Reminder emailed and posted", "Bisley Split order no.", "Statement of arrears dated", "Ottershaw account no."]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "Woking Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council is new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BE's found in an earlier module: none, once those a first
draft shared were reworded before any measuring."""


def test_no_organisation_person_or_title_of_be_is_in_an_earlier_family() -> None:
    """BE is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor any of its labels."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_be
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Sunday working premium", "Sleep-in nights allowance", "Share balance at the start", "Net wages to your bank",
        "Woking", "Horsell", "Sheerwater", "Byfleet", "Maybury", "Kingfield", "Goldsworth", "Mayford",
        "Hook Heath", "Hoe Stream", "Staines", "Jubilee Square", "Knaphill", "Mount Hermon", "Bisley",
        "Ottershaw", "Brookwood", "Hermitage Woods", "Victoria Arch", "Pyrford", "Sutton Green",
        "key card", "key-card", "door hanger", "registration card", "minibar", "key fob", "key rack",
        "marmalade", "shoe polish", "fluff",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    clashes = [name for name in [*names, *titles] if in_earlier(name, sources)]
    assert not clashes
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared  # BE's own labels only, never the sources


def test_every_true_value_is_printed_on_the_document(every: list[BESample]) -> None:
    for sample in every:
        for text in (be_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BESample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: be_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BESample]) -> None:
    from PIL import Image

    sample = family[0]
    clean = np.asarray(corpus_blind_be._draw(sample, 0, SCANS[0].dpi), dtype=float)
    smeared = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert smeared.ndim == 3
    assert smeared.shape[0] >= clean.shape[0]
    orange = smeared[..., 0] - smeared[..., 2]
    assert orange.max() > 40  # marmalade: red well above blue somewhere
    polished = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert polished.ndim == 3
    assert polished.min() < 80  # a dark print somewhere
    lint = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert lint.ndim == 2
    data, fmt, _ = be_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = be_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = be_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = be_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = be_scanned(two, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")
    assert b"/Count 2" in data  # both pages, one PDF


def test_the_polish_crosses_only_a_line_with_no_true_value(family: list[BESample]) -> None:
    """The rows the body's polish print may cover hold no word of a true value."""
    for sample in family[:12]:
        for n in range(len(sample.pages)):
            free = corpus_blind_be._free_rows(sample, n)
            text_rows = [" ".join(c.text for c in r) for r in sample.pages[n]]
            for k in free:
                assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_be(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{be_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_be") == digest()


def test_family_be_is_trained_on_only_as_a_read_family() -> None:
    """BE is seen since round 50 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "BE" in read_families.READ
    assert "corpus_blind_be" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_be", "BE")


# -- the reader on BE (measured once blind, then read in round 50: benchmarks/OCR.md) ----------


@pytest.fixture(scope="module")
def be_score(
    family: list[BESample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 27/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusbe off a96bff88 = main after round 45's "
    "merges, shipped classifier and field ranker; on 76 documents class 76/76, creditor "
    "54/60, reference 60/60, balance 60/60, letter date 72/72: benchmarks/OCR.md, 'Family BE')"
)
"""The first measurement (38 documents here): every floor met (the creditor at exactly
90%)."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 50 (training-side): the floors below. The
first measurement (``FIRST``), raised where round 50, which read BE's misses, reads more
(``ROUND_50``: creditor 27 -> 30)."""
UNMET: frozenset[str] = frozenset()
"""The issue's floors not met at the first measurement (strict xfails): none on perfect
text."""
ROUND_50 = (
    "every field 100%: class 38/38, creditor 30/30 (rules of round 50, models "
    "2026-12-06.34; on 76 documents every field 100% as shipped and by the rules alone: "
    "benchmarks/OCR.md, 'Round 50')"
)
"""After round 50, which read BE's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors not met after round 50 (strict xfails): none on perfect text."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_be_is_read_at_least_as_well_as_first_measured(be_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + be_score.table("family BE (seen since round 50), perfect text"))
    assert be_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert be_score.totals[field] == total, field
        assert be_score.hits[field] >= hits, (field, be_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"BE after round 50, under the issue's floor: {ROUND_50}"),
)
def test_family_be_meets_the_floor(be_score: Score, field: str) -> None:
    """Seen since round 50, so a regression check of a training-side figure: ROUND_50
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(be_score.accuracy(field), field), field
