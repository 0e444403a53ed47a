# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AV (``corpus_blind_av.py``), written blind in a forty-first hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL and AN to AU) and read since
round 42: the family itself (every class, ground truth printed, deterministic, laid out on
the page, each setting as it says), that it is trained on only as a read family, and the
reader on it on perfect text as the product reads (the shipped classifier and field
ranker), held to the counts reached in round 42. The OCR sample is in
tests/integration/ocr/test_blind_family_av_ocr.py; the figures are in benchmarks/OCR.md
("Family AV", and "Round 42", which read AV's misses: every figure on AV since is a
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
    corpus_blind_av,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_av import (
    ALL_SHAPES,
    LOG,
    SCANS,
    SEED,
    TEMPLATES,
    AVSample,
    av_pages,
    av_scanned,
    av_text,
    build_av,
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
           "corpus_blind_au", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL and AN to AU (and the
statements corpus), searched by the new-words test as text only (AW, written at the same
time, is not in this tree)."""


@pytest.fixture(scope="module")
def family() -> list[AVSample]:
    return build_av(2)


@pytest.fixture(scope="module")
def every() -> list[AVSample]:
    return build_av(4)


@pytest.fixture(scope="module")
def texts(family: list[AVSample]) -> dict[str, str]:
    return {s.name: av_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AVSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: av_pages(s) for s in family}


def test_every_class_has_family_av_with_the_fields_it_yields(
    family: list[AVSample], every: list[AVSample], texts: dict[str, str]
) -> None:
    assert SEED == 4660
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AV")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(av_text(s) for s in every)
    for words in ("Yours sincerely", "Pay advice", "Early start premium", "Take-home pay", "Payslip",
                  "Sunday enhancement", "Net pay to your bank", "Everyday account statement", "Out",
                  "Balance carried forward", "Savings ledger", "Opening savings", "Closing savings",
                  "Watch", "Remarks", "Entry", "Stop", "Due"):  # fmt: skip
        assert words in alltext, words
    months = "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    assert re.search(rf"\b({months}) \d{{1,2}}, 20\d\d\b", alltext)
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}\.\d{1,2}\.\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "narrow", "light"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date and s.truth.document_class is not C.PAYSLIP)  # fmt: skip


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["DECEMBER 4, 2026", "Fri 4.12.26"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "SEPTEMBER 22, 2025"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "Mon 2.3.26"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([-+(])?£?([\d,]+)\.(\d\d)\)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] in ("-", "(") else value


def _cells(sample: AVSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AVSample]) -> None:
    """The bank's lines: each balance the one before, in less out; the credit union's: each
    balance the one before plus its signed entry; both close on the last balance."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Everyday account statement" in av_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.64) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
        else:
            start = next(r for r in rows if r and r[0].text == "Opening savings")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    running += _amount(row[2].text)
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing savings")
        assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AVSample]) -> None:
    """The fish processor's earnings come to the gross pay, what is taken off to its total,
    the difference the take-home pay; the holiday park's amounts (deductions in brackets)
    to the net pay. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        label = {r[0].text: r for r in rows if r}
        if "Pay advice" in av_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            gross_at = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross pay")
            off_head = next(k for k, r in enumerate(rows) if r and r[0].text == "Taken off")
            off_at = next(k for k, r in enumerate(rows) if r and r[0].text == "Total taken off")
            pays = sum(_amount(r[1].text) for r in rows[head + 1 : gross_at] if r)
            cuts = sum(_amount(r[1].text) for r in rows[off_head + 1 : off_at] if r)
            gross, off = _amount(rows[gross_at][1].text), _amount(rows[off_at][1].text)
            net = _amount(label["Take-home pay"][1].text)
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Description")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total gross pay")
            amounts = [_amount(r[-1].text) for r in rows[head + 1 : foot] if r]
            pays, cuts = sum(a for a in amounts if a > 0), -sum(a for a in amounts if a < 0)
            gross, off = _amount(rows[foot][1].text), -_amount(label["Total deductions"][1].text)
            net = _amount(label["Net pay to your bank"][1].text)
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"hut": "huts", "stop": "timetable", "board": "menu", "log": "shiplog", "note": "stickies", "strip": "filmstrip"}  # fmt: skip


def _setting(sample: AVSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: AVSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref = truth.court_claim_number or truth.account_reference
    owed = truth.balance_pence if truth.balance_pence is not None else truth.income_pence
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "huts":
        huts = [m for m in marks if m.kind == "hut"]
        assert len(huts) >= 4, sample.name
        for m in huts:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert all(c.align == "centre" for c in cells), sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            assert not rows[m.row - 1], sample.name  # the roof's row is empty
            held += [c.text for c in cells]
    elif kind == "timetable":
        stops = [m for m in marks if m.kind == "stop"]
        route = next(m for m in marks if m.kind == "route")
        assert len(stops) >= 4, sample.name
        assert all(route.row <= m.row <= (route.last or 0) for m in stops), sample.name
        head = next(m for m in marks if m.kind == "band")
        assert [c.text for c in rows[head.row]] == ["Stop", "Due"], sample.name
        for m in stops:
            cells = rows[m.row]
            assert cells[0].x < 0.6 <= cells[-1].x, sample.name
            assert cells[-1].bold, sample.name
        held += [c.text for m in stops for c in cells_within(rows, m.row, m.row + 3, 0.6, 0.9)]
    elif kind == "menu":
        board = next(m for m in marks if m.kind == "board")
        leaders = [m for m in marks if m.kind == "leader"]
        assert len(leaders) >= 4, sample.name
        for m in leaders:
            assert board.row < m.row <= (board.last or 0), sample.name
            value = [c for c in rows[m.row] if c.bold]
            assert value, sample.name
            assert value[-1].align == "right", sample.name
            assert m.x0 < m.x1 <= value[-1].x, sample.name
            held += [c.text for c in value]
    elif kind == "shiplog":
        log = next(m for m in marks if m.kind == "log")
        assert log.xs == LOG[1:3], sample.name
        assert [c.text for c in rows[log.row]] == ["Watch", "Remarks", "Entry"], sample.name
        cells = cells_within(rows, log.row + 1, log.last or log.row, 0.0, 1.0)
        assert all(c.italic for c in cells if c.x < LOG[1]), sample.name
        assert all(c.bold for c in cells if c.x > LOG[2]), sample.name
        held += [c.text for c in cells if c.x > LOG[2]]
    elif kind == "stickies":
        notes = [m for m in marks if m.kind == "note"]
        assert len(notes) >= 4, sample.name
        for a, b in itertools.pairwise(notes):
            assert b.row == a.last, sample.name  # each note's top over the last one's foot
            assert b.x0 != a.x0, sample.name
        for m in notes:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "filmstrip":
        strips = [m for m in marks if m.kind == "strip"]
        frames = [m for m in marks if m.kind == "frame"]
        assert strips, sample.name
        assert len(frames) >= 4, sample.name
        for m in frames:
            strip = next(s for s in strips if s.row < m.row <= (m.last or 0) < (s.last or 0))
            assert not rows[strip.row], sample.name  # the holes' rows are empty
            assert not rows[strip.last or 0], sample.name
            held += [c.text for c in cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)]
    if truth.document_class is not C.OTHER:
        assert owed is not None, sample.name
        assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AVSample]) -> None:
    """Beach huts under their roofs, labels small over bold values, centred; the
    timetable's stops on the route line, the values under "Due"; dotted leaders on the menu
    board to right-aligned values; the log's watches in italics, bold entries in the last
    column; sticky notes each over the foot of the last; frames inside film strips, the
    sprocket rows empty. Every setting holds the sum and the reference."""
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
    """AV's own wording as written in ``corpus_blind_av`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_av))):
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


STATE = ("Department for Work and Pensions", "HM Courts & Tribunals Service", "County Court Business Centre",
         "County Court at Newton Abbot", "Torbay Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Newton Abbot court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_av_is_in_an_earlier_family() -> None:
    """AV is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL and AN to AU, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_av
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Early start premium", "Caravan on the park", "Savings ledger", "Opening savings", "Closing savings", "Torbay", "Paignton", "Brixham", "Goodrington", "Churston", "Galmpton",
        "Newton Abbot", "beach hut", "menu board", "ship's log", "log book", "first dog", "film strip", "strip of film",
        "pebble", "masking tape", "flare", "sun in the lens",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles, "Torbay Council", "County Court at Newton Abbot"]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 60
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 5 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AVSample]) -> None:
    for sample in every:
        for text in (av_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AVSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: av_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AVSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_av._draw(sample, 0, SCANS[0].dpi), dtype=float)
    flared = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert flared.ndim == 3
    assert flared.shape[0] >= clean.shape[0]
    assert np.abs(flared[..., 1] - flared[..., 0]).max() > 20  # coloured ghosts somewhere
    photo = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    assert (photo.max(axis=2) < 120).sum() > 20_000  # the pebble: a large grey stone
    taped = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert taped.ndim == 2
    corner = taped[: taped.shape[0] // 8, : taped.shape[1] // 6]
    assert ((corner > 200) & (corner < 232)).sum() > 5_000  # tape: darker than the paper, not black
    data, fmt, _ = av_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = av_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = av_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    assert not Image.open(io.BytesIO(data)).info.get("progressive")
    data, fmt, _ = av_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_pebble_lies_over_rows_with_no_true_value(family: list[AVSample]) -> None:
    """The rows the pebble may cover hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_av._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_av(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{av_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_av") == digest()


def test_family_av_is_trained_on_only_as_a_read_family() -> None:
    """AV is seen since round 42 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AV" in read_families.READ
    assert "corpus_blind_av" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_av", "AV")


# -- the reader on AV (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def av_score(
    family: list[AVSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 26/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 35/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 1/2 (branch corpusav off 580d3b3c = main after round 40's "
    "merges, shipped classifier and field ranker; on 76 documents class 74/76, creditor "
    "52/60, balance 60/60 (rules 56/60), letter date 70/72, served 3/4: benchmarks/OCR.md, "
    "'Family AV')"
)
"""The first measurement (38 documents here): every floor met but the creditor and the
served date."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 42 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"creditor_name", "served_date"})
"""The issue's floors not met at the first measurement, blind; since round 42
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_av_is_read_at_least_as_well_as_first_measured(av_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + av_score.table("family AV (seen since round 42), perfect text"))
    assert av_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert av_score.totals[field] == total, field
        assert av_score.hits[field] >= hits, (field, av_score.hits[field], hits)


ROUND_42 = "every floor met (rules of round 42, models 2026-12-06.34); counts in MEASURED"
"""After round 42, which read AV's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 42 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AV after round 42, under the issue's floor: {ROUND_42}"),
)
def test_family_av_meets_the_floor(av_score: Score, field: str) -> None:
    """Seen since round 42, so a regression check of a training-side figure: ROUND_42
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(av_score.accuracy(field), field), field
