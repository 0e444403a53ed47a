# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AZ (``corpus_blind_az.py``), written blind in a forty-fifth hand (Walsall under
the law of England and Wales; its organisations and wording new to the earlier families;
its six settings from a school) and read since round 44: the family itself (every class,
ground truth printed, deterministic, laid out on the page, each setting as it says), that it
is trained on only as a read family, and the reader on it on perfect text as the product
reads (the shipped classifier and field ranker), held to the counts reached in round 44.
The OCR sample is in tests/integration/ocr/test_blind_family_az_ocr.py; the figures are in
benchmarks/OCR.md ("Family AZ", and "Round 44", which read AZ's misses: every figure on AZ
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
    corpus_blind_az,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_az import (
    ALL_SHAPES,
    DESKS,
    HOLES,
    HOOKS,
    SCANS,
    SEED,
    TEMPLATES,
    AZSample,
    az_pages,
    az_scanned,
    az_text,
    build_az,
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
"""The modules of the earlier families (and the statements corpus), searched as text by the
new-words test (the family written at the same time by another hand is not in this
tree)."""


@pytest.fixture(scope="module")
def family() -> list[AZSample]:
    return build_az(2)


@pytest.fixture(scope="module")
def every() -> list[AZSample]:
    return build_az(4)


@pytest.fixture(scope="module")
def texts(family: list[AZSample]) -> dict[str, str]:
    return {s.name: az_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AZSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: az_pages(s) for s in family}


def test_every_class_has_family_az_with_the_fields_it_yields(
    family: list[AZSample], every: list[AZSample], texts: dict[str, str]
) -> None:
    assert SEED == 5060
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AZ")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(az_text(s) for s in every)
    for words in ("With kind regards", "Wage slip", "Extra hours at time and a half", "Net wage paid", "Pay statement",
                  "Breakfast club hours", "Transferred to your account", "Current account statement", "Debits",
                  "Credits", "End of statement", "Savings account: statement for members", "Savings brought in",
                  "Savings carried out", "Front of class"):  # fmt: skip
        assert words in alltext, words
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert re.search(rf"\b\d{{1,2}}(st|nd|rd|th) of ({months}) 20\d\d\b", alltext)
    assert re.search(r"\b\d\d \d\d 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"libserif", "condensed", "caladea"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4th of December 2026", "04 12 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22nd of September 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 11)) == "11th of September 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 1)) == "1st of September 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 23)) == "23rd of September 2025"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "02 03 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _cells(sample: AZSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AZSample]) -> None:
    """The bank's lines: each running balance the one before, credits less debits; the
    credit union's: each savings balance the one before plus the signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Debits" in az_text(sample):
            start = next(r for r in rows if r and r[0].text == "Start of statement")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d[A-Z]{3}", row[0].text):
                    amount = amount_pence(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "End of statement")
        else:
            start = next(r for r in rows if r and r[0].text == "Savings brought in")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Savings carried out")
        assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AZSample]) -> None:
    """The lock maker's gross earnings come to the total gross, what is stopped to its
    total, the difference the net wage; the caterer's "+" lines to the earnings before
    deductions, its "-" lines to all deductions, the difference transferred. Both agree
    with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        money = [(r[0].text, amount_pence(r[-1].text)) for r in rows if r and r[-1].align == "right" and re.fullmatch(r"-?[\d,]+\.\d\d", r[-1].text)]  # fmt: skip
        if "Net wage paid" in az_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross earnings")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Total gross")
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Stopped from pay")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total stopped")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = dict(money)["Net wage paid"]
        else:
            pays = sum(amount for what, amount in money if what == "+")
            cuts = sum(amount for what, amount in money if what == "-")
            gross, off = dict(money)["Earnings before deductions"], dict(money)["All deductions"]
            net = dict(money)["Transferred to your account"]
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"desk": "seating", "tag": "hooks", "hop": "hopscotch", "hole": "pigeonholes", "rung": "wallbars", "pot": "paintpots"}  # fmt: skip


def _setting(sample: AZSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: AZSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "seating":
        desks = [m for m in marks if m.kind == "desk"]
        front = [m for m in marks if m.kind == "front"]
        assert len(front) == 1, sample.name
        assert len(desks) >= 4, sample.name
        assert {(m.x0, m.x1) for m in desks} == set(DESKS), sample.name
        for m in desks:
            assert front[0].row < m.row, sample.name  # the front of the class is at the top
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert cells[0].size < 8, sample.name
            assert not cells[0].bold, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "hooks":
        tags = [m for m in marks if m.kind == "tag"]
        rails = [m for m in marks if m.kind == "rail"]
        assert len(tags) >= 4, sample.name
        assert len(rails) == (len(tags) + 2) // 3, sample.name  # three tags a rail
        for m in tags:
            assert any(r.row < m.row for r in rails), sample.name
            assert any(abs(m.x0 - (a + 0.01)) < 0.001 for a, _ in HOOKS), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert all(c.align == "centre" and abs(c.x - (m.x0 + m.x1) / 2) < 0.001 for c in cells), sample.name  # fmt: skip
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "hopscotch":
        hops = [m for m in marks if m.kind == "hop"]
        court = next(m for m in marks if m.kind == "court")
        assert len(hops) >= 4, sample.name
        by_row: dict[int, int] = {}
        for m in hops:
            by_row[m.row] = by_row.get(m.row, 0) + 1
            assert court.row <= m.row, sample.name
            assert (m.last or 0) <= (court.last or 0), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert all(c.align == "centre" for c in cells), sample.name
            held += [c.text for c in cells]
        counts = [by_row[r] for r in sorted(by_row)]
        assert counts[:2] == [1, 2], sample.name  # one box, then two side by side
    elif kind == "pigeonholes":
        holes = [m for m in marks if m.kind == "hole"]
        assert any(m.kind == "case" for m in marks), sample.name
        assert len(holes) >= 6, sample.name
        assert len(holes) % 3 == 0, sample.name
        assert {(m.x0, m.x1) for m in holes} == set(HOLES), sample.name
        for m in holes:
            value = cells_within(rows, m.row, m.shade - 1, m.x0, m.x1)
            strip = cells_within(rows, m.shade, m.last or m.row, m.x0, m.x1)
            if value:
                assert all(c.bold for c in value), sample.name
                assert strip, sample.name  # the label under the value
                assert all(not c.bold and c.size < 8 for c in strip), sample.name
            held += [c.text for c in value]
    elif kind == "wallbars":
        rungs = [m for m in marks if m.kind == "rung"]
        uprights = next(m for m in marks if m.kind == "uprights")
        assert len(rungs) >= 5, sample.name
        for above, below in itertools.pairwise(rungs):
            cells = cells_within(rows, above.row, below.row - 1, 0.0, 1.0)
            assert cells, sample.name
            assert {c.bold for c in cells if c.x >= 0.47} == {True}, sample.name
            assert {c.bold for c in cells if c.x < 0.45} == {False}, sample.name
            assert uprights.row <= above.row <= (uprights.last or 0), sample.name
            held += [c.text for c in cells]
    elif kind == "paintpots":
        pots = [m for m in marks if m.kind == "pot"]
        assert len(pots) >= 4, sample.name
        assert len({m.shade for m in pots}) >= 4, sample.name  # pots of different paints
        for m in pots:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert all(c.align == "centre" for c in cells), sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AZSample]) -> None:
    """Each desk of the seating plan a label over a bold value, the front at the top; each
    coat hook's tag centred, three to a rail; the hopscotch court one box and then two,
    centred; each pigeonhole its bold value over the label on its name strip; the wall bars
    a rung between each fact and the next, the label at the left and the value bold beside
    it; the paint pots of different paints, a label over a bold value. Every setting holds
    the sum and the reference."""
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
    """AZ's own wording as written in ``corpus_blind_az`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_az))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg in ("ref_label", "date_label"):
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            titles += [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.count(" ") >= 3 and e.value[:1].isupper() and ":" in e.value]  # fmt: skip
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
         "County Court at Walsall", "Walsall Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Walsall court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_az_is_in_an_earlier_family() -> None:
    """AZ is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_az
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Extra hours at time and a half", "Breakfast club hours", "Savings brought in", "Net wage paid",
        "Walsall", "Pleck", "Darlaston", "Bloxwich", "Leamore", "Rushall", "Birchills", "Goscote", "Aldridge",
        "Streetly", "Blakenall", "Brownhills", "Palfrey", "Caldmore", "Willenhall", "Moxley", "Chuckery",
        "seating plan", "coat hook", "hopscotch", "pigeonhole", "wall bars", "paint pot", "glitter", "shavings",
        "glue", "Front of class",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= 2, shared


def test_every_true_value_is_printed_on_the_document(every: list[AZSample]) -> None:
    for sample in every:
        for text in (az_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AZSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: az_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AZSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_az._draw(sample, 0, SCANS[0].dpi), dtype=float)
    glittered = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert glittered.ndim == 3
    assert glittered.shape[0] >= clean.shape[0]
    pink = glittered[..., 0] - glittered[..., 1]
    assert pink.max() > 80  # a pink or gold speck: red well above green somewhere
    shaved = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert shaved.ndim == 3
    assert (shaved[..., 0] - shaved[..., 2]).max() > 60  # the pale wood of a shaving
    glued = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert glued.ndim == 2
    data, fmt, _ = az_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = az_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = az_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = az_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_shavings_cross_only_a_line_with_no_true_value(family: list[AZSample]) -> None:
    """The rows a shaving may lie on in the page's body hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_az._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_az(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{az_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_az") == digest()


def test_family_az_is_trained_on_only_as_a_read_family() -> None:
    """AZ is seen since round 44 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AZ" in read_families.READ
    assert "corpus_blind_az" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_az", "AZ")


# -- the reader on AZ (measured blind, then read in round 44: benchmarks/OCR.md) -----------------


@pytest.fixture(scope="module")
def az_score(
    family: list[AZSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 95% (36/38), creditor 25/30, original creditor 2/2, reference 30/30, balance "
    "28/30, letter date 34/36, deadline 23/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusaz off 4958731f = main after round 42's "
    "merges, shipped classifier and field ranker; on 76 documents class 72/76, creditor "
    "50/60, reference 60/60, balance 56/60, letter date 68/72, deadline 44/46: "
    "benchmarks/OCR.md, 'Family AZ')"
)
"""The first measurement (38 documents here): every floor met but the class's (36/38 is
94.7%, under 95%) and the creditor's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 44 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"document_class", "creditor_name"})
"""The issue's floors not met at the first measurement, blind; since round 44
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_az_is_read_at_least_as_well_as_first_measured(az_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + az_score.table("family AZ (seen since round 44), perfect text"))
    assert az_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert az_score.totals[field] == total, field
        assert az_score.hits[field] >= hits, (field, az_score.hits[field], hits)


ROUND_44 = "every floor met (rules of round 44, models 2026-12-06.34); counts in MEASURED"
"""After round 44, which read AZ's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 44 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AZ after round 44, under the issue's floor: {ROUND_44}"),
)
def test_family_az_meets_the_floor(az_score: Score, field: str) -> None:
    """Seen since round 44, so a regression check of a training-side figure: ROUND_44
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(az_score.accuracy(field), field), field
