# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BH (``corpus_blind_bh.py``), written blind in a new hand (Chichester, West Sussex,
under the law of England and Wales; its organisations and wording new to the earlier
families; its six settings from a campsite and caravan park): the family itself (every class,
ground truth printed, deterministic, laid out on the page, each setting as it says, a third
of its letters on two pages with a fact on page 2), that nothing trains on it, and the reader
on it on perfect text as the product reads (the shipped classifier and field ranker), held to
the counts of its first measurement. The OCR sample is in
tests/integration/ocr/test_blind_family_bh_ocr.py; the figures are in benchmarks/OCR.md
("Family BH"). Two documents a class keep this module to a few seconds; the benchmark reads
four."""

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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bh, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bh import (
    ALL_SHAPES,
    BAGS,
    SCANS,
    SEED,
    TEMPLATES,
    TOKENS,
    BHSample,
    bare,
    bh_pages,
    bh_scanned,
    bh_text,
    build_bh,
    page_size,
    plain,
    pounds,
    render,
    till,
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
test (by the test only, for BH's own phrases: the blind ones were never opened)."""


@pytest.fixture(scope="module")
def family() -> list[BHSample]:
    return build_bh(2)


@pytest.fixture(scope="module")
def every() -> list[BHSample]:
    return build_bh(4)


@pytest.fixture(scope="module")
def texts(family: list[BHSample]) -> dict[str, str]:
    return {s.name: bh_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BHSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bh_pages(s) for s in family}


def test_every_class_has_family_bh_with_the_fields_it_yields(
    family: list[BHSample], every: list[BHSample], texts: dict[str, str]
) -> None:
    assert SEED == 5860
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BH")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bh_text(s) for s in every)
    for words in ("Yours sincerely,", "Wage advice", "Dawn picking premium", "Total stoppages", "Net wages banked",
                  "Pay advice note", "Night shift enhancement", "Net amount paid", "Everyday account statement",
                  "Money out", "Money in", "Brought forward", "Carried forward", "Share account statement",
                  "Balance brought in", "Balance at close", "Page 2 of 2", "Please turn over"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2} (May|[A-Z][a-z]{2}\.) 20\d\d\b", alltext)
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri) \d{1,2} (May|[A-Z][a-z]{2}\.) 20\d\d\b", alltext)
    assert re.search(r"£\d{4,}\.\d\d\b", alltext)  # no thousands comma in the settings
    assert re.search(r"£\d{1,3},\d{3}\.\d\d\b", alltext)  # one in the prose
    assert {s.style.face for s in family} == {"carlito", "dejavu", "caladea"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert 15 <= sum(len(s.pages) == 2 for s in every) <= 30
    assert sum(len(s.pages) == 2 for s in family) >= 6
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_a_field_is_on_page_two(every: list[BHSample]) -> None:
    """A two-page letter puts its setting's last fact on page 2: for some, a true value
    (the deadline, mostly) printed on page 2 and nowhere on page 1."""
    only_second = 0
    for sample in every:
        if len(sample.pages) < 2:
            continue
        first = " ".join(c.text for r in sample.pages[0] for c in r)
        second = " ".join(c.text for r in sample.pages[1] for c in r)
        assert "Page 2 of 2" in second, sample.name
        assert values_in_text(sample.truth, first + "\n" + second) == values_in_text(sample.truth, bh_text(sample)), sample.name  # fmt: skip
        if values_in_text(sample.truth, second)[0] > 0 and values_in_text(sample.truth, first)[0] < values_in_text(sample.truth, first + "\n" + second)[0]:  # fmt: skip
            only_second += 1
    assert only_second >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4 Dec. 2026", "Fri 4 Dec. 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 5, 22)) == "22 May 2025"
    assert ALL_SHAPES[1](dt.date(2025, 9, 1)) == "Mon 1 Sep. 2025"
    assert plain(123_456) == "1,234.56"
    assert till(123_456) == "£1234.56"
    assert till(5) == "£0.05"
    assert bare(12_345_678) == "123456.78"
    assert pounds(5) == "£0.05"


def _cells(sample: BHSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BHSample]) -> None:
    """The bank's lines: each balance the one before, money in less money out ("OD"
    overdrawn); the credit union's: each balance the one before plus the CR amount or less
    the DR one."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)

        def signed(text: str) -> int:
            return -amounts_pence(text)[0] if text.endswith("OD") else amounts_pence(text)[0]

        if "Money out" in bh_text(sample):
            start = next(r for r in rows if r and r[0].text == "Brought forward")
            running = signed(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", row[0].text):
                    out, got = right_cell_at(row, 0.62), right_cell_at(row, 0.77)
                    running += (
                        amount_pence(got.text) if got else -amount_pence(out.text if out else "")
                    )
                    assert signed(row[-1].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Carried forward")
        else:
            start = next(r for r in rows if r and r[0].text == "Balance brought in")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    value = amounts_pence(row[2].text)[0]
                    running += value if row[2].text.endswith("CR") else -value
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance at close")
        assert signed(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BHSample]) -> None:
    """The growers' earnings come to the gross earnings, their stoppages to the total
    stoppages, the difference the net pay; the care provider's payments to the total
    payments, its deductions to the total deductions, the difference the net amount paid.
    Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Net wages banked" in bh_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross earnings")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Stoppages")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total stoppages")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = next(
                amount_pence(r[-1].text) for r in rows if r and r[0].text == "Net wages banked"
            )
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Payments")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total payments")
            left = [right_cell_at(r, 0.46) for r in rows[head + 1 : foot]]
            right = [right_cell_at(r, 0.92) for r in rows[head + 1 : foot]]
            pays = sum(amount_pence(c.text) for c in left if c)
            cuts = sum(amount_pence(c.text) for c in right if c)
            total = rows[foot]
            gross = amount_pence(right_cell_at(total, 0.46).text)  # type: ignore[union-attr]
            off = amount_pence(right_cell_at(total, 0.92).text)  # type: ignore[union-attr]
            net = next(amount_pence(r[-1].text) for r in rows if any(c.text == "Net amount paid" for c in r))  # fmt: skip
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"post": "pitchposts", "bag": "pegbags", "token": "tokens", "sign": "firesign", "key": "sitemap", "panel": "windbreak"}  # fmt: skip


def _setting(sample: BHSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _label_over_value(cells: list[PrintCell], name: str) -> None:
    assert cells, name
    assert cells[0].size < 8, name
    assert not cells[0].bold, name
    assert cells[-1].bold, name


def _check_page(sample: BHSample, n: int, kind: str) -> list[str]:
    """The setting on page ``n`` as it says; the words it holds."""
    rows = _cells(sample, n)
    marks = sample.rules[n]
    held: list[str] = []
    name = sample.name
    if kind == "pitchposts":
        for m in [m for m in marks if m.kind == "post"]:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            labels = [c for c in cells if c.x < 0.44]
            values = [c for c in cells if c.x >= 0.44]
            assert labels, name
            assert values, name
            assert all(c.size < 8 and not c.bold for c in labels), name
            assert all(c.bold for c in values), name
            held += [c.text for c in cells]
    elif kind == "pegbags":
        bags = [m for m in marks if m.kind == "bag"]
        labels = [m for m in marks if m.kind == "label"]
        assert len(bags) == len(labels), name
        for bag, label in zip(bags, labels, strict=True):
            assert (bag.x0, bag.x1) in BAGS, name
            assert bag.x0 < label.x0 < label.x1 < bag.x1, name
            assert bag.row < label.row <= (label.last or 0) < (bag.last or 0), name
            cells = cells_within(rows, bag.row, bag.last or bag.row, bag.x0, bag.x1)
            assert cells == cells_within(rows, label.row, label.last or 0, label.x0, label.x1), name  # fmt: skip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "tokens":
        tokens = [m for m in marks if m.kind == "token"]
        for m in tokens:
            assert (m.x0, m.x1) in TOKENS, name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "centre" and abs(c.x - (m.x0 + m.x1) / 2) < 0.001 for c in cells), name  # fmt: skip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "firesign":
        sign = next(m for m in marks if m.kind == "sign")
        flame = next(m for m in marks if m.kind == "flame")
        assert sign.row < flame.row, name
        numbered = [r for r in rows[sign.row : (sign.last or 0) + 1] if r and re.fullmatch(r"\d+\.", r[0].text)]  # fmt: skip
        assert numbered, name
        for r in rows[sign.row : (sign.last or 0) + 1]:
            values = [c for c in r if c.bold and c.align == "right"]
            assert all(abs(c.x - 0.85) < 0.001 for c in values), name
            held += [c.text for c in r]
    elif kind == "sitemap":
        key = next(m for m in marks if m.kind == "key")
        symbols = [m for m in marks if m.kind == "symbol"]
        assert symbols, name
        assert all(key.row < s.row <= (key.last or 0) for s in symbols), name
        assert all(a.shade != b.shade for a, b in itertools.pairwise(symbols)), name
        for s in symbols:
            row = rows[s.row]
            assert row[0].size < 8, name
            assert not row[0].bold, name
            assert any(c.bold and c.x >= 0.44 for c in row), name
        held += [c.text for r in rows[key.row : (key.last or 0) + 1] for c in r]
    elif kind == "windbreak":
        panels = [m for m in marks if m.kind == "panel"]
        assert all(a.shade != b.shade for a, b in itertools.pairwise(panels)), name
        for m in panels:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    return held


def test_each_setting_puts_its_facts_where_it_says(every: list[BHSample]) -> None:
    """Each pitch post's plate a small label and a bold value beside it; the peg bags two
    a row, each fact on the label sewn on the bag; the shower tokens three a row, centred;
    the campfire sign's numbered lines under its flame, the values set to the right; the
    site map's key a symbol a fact, each a different colour; the windbreak's panels a label
    over a value. Every setting (over both pages) holds the sum and the reference, and a
    two-page letter's page 2 has the setting again for its last fact."""
    seen = dict.fromkeys(SETTINGS.values(), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        held = [w for n in range(len(sample.pages)) for w in _check_page(sample, n, kind)]
        if len(sample.pages) == 2:
            assert {m.kind for m in sample.rules[1]} & set(SETTINGS), sample.name
        truth = sample.truth
        if truth.document_class is not C.OTHER:
            owed = (
                truth.balance_pence if truth.balance_pence is not None else truth.income_pence or 0
            )
            assert any(till(owed) in w for w in held), sample.name
            ref = truth.court_claim_number or truth.account_reference
            if ref:
                assert " ".join(held).count(ref) or ref in held, sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """BH's own wording as written in ``corpus_blind_bh`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bh))):
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
    titles += ["Birdham Pay: your payments have been missed", "Witterings Home Shopping: arrears on your account"]  # fmt: skip
    labels += ["Birdham Pay notice", "Birdham Pay order no.", "Arrears notice printed", "Witterings account no."]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Chichester", "Chichester District Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Chichester court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BH's found in an earlier module: none, once those a first
draft shared were reworded before any measuring (benchmarks/OCR.md, "Family BH")."""


def test_no_organisation_person_or_title_of_bh_is_in_an_earlier_family() -> None:
    """BH is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor its labels of two words or more."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bh
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Dawn picking premium", "Night shift enhancement", "Balance brought in", "Net wages banked",
        "Chichester", "Apuldram", "Bosham", "Selsey", "Fishbourne", "Tangmere", "Westhampnett", "Lavant",
        "Halnaker", "Ems Valley", "Pallant", "Donnington", "Summersdale", "Whyke", "Birdham", "Wittering",
        "Itchenor", "Hunston", "Boxgrove", "Pagham", "Manhood", "Kingley Vale", "Dell Quay", "Southway",
        "pitch marker", "peg bag", "shower block", "campfire", "windbreak", "site map",
        "charcoal", "resin", "flysheet",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        found = in_earlier(name, sources)
        assert not found, name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared


def test_every_true_value_is_printed_on_the_document(every: list[BHSample]) -> None:
    for sample in every:
        for text in (bh_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BHSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bh_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BHSample]) -> None:
    from PIL import Image

    sample = next(s for s in family if len(s.pages) == 1)
    clean = np.asarray(corpus_blind_bh._draw(sample, 0, SCANS[0].dpi), dtype=float)
    charred = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert charred.ndim == 3
    assert charred.shape[0] >= clean.shape[0]
    assert charred.mean() < clean.mean()  # charcoal darkens
    resin = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert resin.ndim == 3
    amber = resin[..., 0] - resin[..., 2]
    assert amber.max() > 60  # resin: red well above blue somewhere
    wet = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert wet.ndim == 2
    data, fmt, _ = bh_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bh_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bh_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bh_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def digest() -> str:
    samples = build_bh(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bh_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bh") == digest()


def test_family_bh_is_never_trained_on() -> None:
    """BH is blind: the generated corpus (the classifier's cross-validation and
    calibration) never yields it, and no reading, learning or training module names it."""
    assert_never_trained_on("corpus_blind_bh", "BH")


# -- the reader on BH (measured once, blind: benchmarks/OCR.md) ------------------------------------


@pytest.fixture(scope="module")
def bh_score(
    family: list[BHSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 27/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 36/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusbh off 6ba4e5b5 = main after the BE and BF "
    "merges, rules of round 45, shipped classifier and field ranker; on 76 documents: "
    "benchmarks/OCR.md, 'Family BH')"
)
"""The first measurement (38 documents here): every floor met, the creditor's exactly."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (27, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
UNMET: frozenset[str] = frozenset()
"""The issue's floors not met at the first measurement (strict xfails)."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bh_is_read_at_least_as_well_as_first_measured(bh_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bh_score.table("family BH (blind), perfect text"))
    assert bh_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bh_score.totals[field] == total, field
        assert bh_score.hits[field] >= hits, (field, bh_score.hits[field], hits)


@pytest.mark.parametrize(
    "field", floor_params(TARGETS, UNMET, f"BH under the issue's floor, blind: {FIRST}")
)
def test_family_bh_meets_the_floor(bh_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(bh_score.accuracy(field), field), field
