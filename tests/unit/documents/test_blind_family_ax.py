# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AX (``corpus_blind_ax.py``), written blind in a forty-third hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL and AN to AW) and read since
round 43: the family itself (every class, ground truth printed, deterministic, laid out on
the page, each setting as it says), that it is trained on only as a read family, and the
reader on it on perfect text as the product reads (the shipped classifier and field
ranker), held to the counts reached in round 43. The OCR sample is in
tests/integration/ocr/test_blind_family_ax_ocr.py; the figures are in benchmarks/OCR.md
("Family AX", and "Round 43", which read AX's misses: every figure on AX since is a
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
    corpus_blind_ax,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ax import (
    ALL_SHAPES,
    CARD,
    COLUMNS,
    MIDDLE,
    SCANS,
    SEED,
    TEMPLATES,
    TICK,
    AXSample,
    ax_pages,
    ax_scanned,
    ax_text,
    build_ax,
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
           "corpus_blind_aq", "corpus_blind_ar", "corpus_blind_as",
           "corpus_blind_at", "corpus_blind_au", "corpus_blind_av", "corpus_blind_aw",
           "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL and AN to AW (and the
statements corpus), searched by the new-words test by their source text only (AY, written
at the same time, is not in this tree)."""


@pytest.fixture(scope="module")
def family() -> list[AXSample]:
    return build_ax(2)


@pytest.fixture(scope="module")
def every() -> list[AXSample]:
    return build_ax(4)


@pytest.fixture(scope="module")
def texts(family: list[AXSample]) -> dict[str, str]:
    return {s.name: ax_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AXSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ax_pages(s) for s in family}


def test_every_class_has_family_ax_with_the_fields_it_yields(
    family: list[AXSample], every: list[AXSample], texts: dict[str, str]
) -> None:
    assert SEED == 4860
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AX")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(ax_text(s) for s in every)
    for words in ("With regards,", "Payslip", "Clocked hours", "Twilight shift uplift", "Banked this pay day", "Pay advice", "Chairside bonus",
                  "Take-home", "Everyday account", "Running total", "Start balance", "End balance",
                  "Share account statement", "Shares brought in", "Shares carried out"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d\d/\d\d/20\d\d \(wk \d{1,2}\)", alltext)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ 20\d\d, week \d{1,2}\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "narrow", "light"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date and s.truth.document_class not in (C.PAYSLIP,))  # fmt: skip


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == [
        "04/12/2026 (wk 49)",
        "4th December 2026, week 49",
    ]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22/09/2025 (wk 39)"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "2nd March 2026, week 10"
    assert ALL_SHAPES[1](dt.date(2026, 3, 13)) == "13th March 2026, week 11"
    assert ALL_SHAPES[1](dt.date(2026, 3, 23)) == "23rd March 2026, week 13"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([-+])?£?([\d,]+)\.(\d\d)", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] == "-" else value


def _cells(sample: AXSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AXSample]) -> None:
    """The bank's lines: each running total the one before, plus "In" less "Out"; the
    credit union's: each share balance the one before plus its signed amount."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Running total" in ax_text(sample):
            start = next(r for r in rows if r and r[0].text == "Start balance")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "End balance")
        else:
            start = next(r for r in rows if r and r[0].text == "Shares brought in")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d\.\d\d", row[0].text):
                    running += _amount(row[2].text)
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Shares carried out")
        assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AXSample]) -> None:
    """The hub's pay lines come to the gross, its deductions to their total, the
    difference the net pay; the practice's salary and bonus to the gross, less its
    deductions the take-home. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Banked this pay day" in ax_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Pay")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Total gross pay")
            pays = sum(_amount(r[-1].text) for r in rows[head + 1 : foot] if r)
            gross = _amount(rows[foot][1].text)
            first = next(k for k, r in enumerate(rows) if r and r[0].text == "Deductions")
            last = next(k for k, r in enumerate(rows) if r and r[0].text == "Total deductions")
            cuts = sum(_amount(r[1].text) for r in rows[first + 1 : last] if r)
            off = _amount(rows[last][1].text)
            net = _amount(next(r for r in rows if r and r[0].text == "Banked this pay day")[1].text)
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Description")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross for the period")
            pays = sum(_amount(r[1].text) for r in rows[head + 1 : foot] if r)
            gross = _amount(rows[foot][1].text)
            less = [r for r in rows if r and r[0].text.startswith("less ")]
            cuts = off = -sum(_amount(r[1].text) for r in less)
            net = _amount(next(r for r in rows if r and r[0].text == "Take-home")[1].text)
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"clockcard": "clockcard", "frame": "whiteboard", "flip": "flipchart", "calpage": "deskcalendar", "badge": "lanyard", "tray": "intray"}  # fmt: skip


def _setting(sample: AXSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: AXSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "clockcard":
        card = next(m for m in marks if m.kind == "clockcard")
        assert (card.x0, card.x1) == CARD
        slots = sorted(m.row for m in marks if m.kind == "slot")
        assert len(slots) >= 4, sample.name
        for a, b in itertools.pairwise([*slots, (card.last or 0) + 1]):
            cells = cells_within(rows, a, b - 1, 0.0, 1.0)
            assert cells, sample.name
            assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "whiteboard":
        frame = next(m for m in marks if m.kind == "frame")
        magnets = [m for m in marks if m.kind == "magnet"]
        assert len(magnets) >= 4, sample.name
        assert {round(m.x0 + 0.03, 3) for m in magnets} <= {x0 for x0, _ in COLUMNS}, sample.name
        cells = cells_within(rows, frame.row, frame.last or frame.row, 0.0, 1.0)
        assert all(any(abs(c.x - x0) < 0.001 for x0, _ in COLUMNS) for c in cells), sample.name
        held += [c.text for c in cells]
    elif kind == "flipchart":
        sheet = next(m for m in marks if m.kind == "flip")
        cells = cells_within(rows, sheet.row, sheet.last or sheet.row, 0.0, 1.0)
        numbers = [c for c in cells if re.fullmatch(r"\d+\.", c.text)]
        assert len(numbers) >= 4, sample.name
        assert [c.text for c in numbers] == [f"{n}." for n in range(1, len(numbers) + 1)], (
            sample.name
        )
        assert all(c.bold and abs(c.x - 0.3) < 0.001 for c in cells if c.bold), sample.name
        held += [c.text for c in cells]
    elif kind == "deskcalendar":
        pages = [m for m in marks if m.kind == "calpage"]
        assert len(pages) >= 4, sample.name
        for m in pages:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert not cells[0].bold, sample.name
            assert cells[0].size < 8, sample.name
            assert all(c.align == "centre" for c in cells), sample.name
            assert all(c.bold for c in cells[1:]), sample.name
            held += [c.text for c in cells]
    elif kind == "lanyard":
        badge = next(m for m in marks if m.kind == "badge")
        cells = cells_within(rows, badge.row, badge.last or badge.row, 0.0, 1.0)
        assert all((c.align == "right" and abs(c.x - MIDDLE) < 0.001 and not c.bold) or (c.bold and c.x > MIDDLE) for c in cells), sample.name  # fmt: skip
        held += [c.text for c in cells]
    elif kind == "intray":
        tray = next(m for m in marks if m.kind == "tray")
        ticks = [m for m in marks if m.kind == "tick"]
        assert len(ticks) >= 4, sample.name
        assert all(m.x0 == TICK for m in ticks), sample.name
        for m in ticks:
            row = rows[m.row]
            assert row, sample.name
            assert not row[0].bold, sample.name
            assert any(c.bold for c in row), sample.name
        held += [c.text for c in cells_within(rows, tray.row, tray.last or tray.row, 0.0, 1.0)]
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AXSample]) -> None:
    """On the clock card every fact centred between two ruled lines, a small label over a
    bold value; on the whiteboard each fact in one of two columns by a magnet; on the flip
    chart numbered points in order, the values indented; on each desk calendar page a
    small label over a bold value, centred; on the badge labels right-aligned against the
    middle, values bold beside; on the docket every fact a line with its tick box. Every
    setting holds the sum and the reference."""
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
    """AX's own wording as written in ``corpus_blind_ax`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ax))):
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
         "County Court at Oldham", "Oldham Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Oldham court are new:
checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ax_is_in_an_earlier_family() -> None:
    """AX is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL and AN to AW, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_ax
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Clocked hours", "Twilight shift uplift", "Banked this pay day", "Chairside bonus", "Shares brought in", "Shares carried out",
        "Oldham", "Chadderton", "Royton", "Failsworth", "Diggle", "Springhead", "Hollinwood",
        "clock card", "clocking-in", "whiteboard", "magnet", "flip chart", "flip-chart", "desk calendar", "lanyard",
        "in-tray", "docket", "strip light", "paper clip", "correction fluid",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AXSample]) -> None:
    for sample in every:
        for text in (ax_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AXSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: ax_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AXSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_ax._draw(sample, 0, SCANS[0].dpi), dtype=float)
    lid = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert lid.ndim == 3
    assert lid.shape[0] > clean.shape[0]
    assert lid.shape[1] > clean.shape[1]
    assert lid[:5, :5].max() < 40  # the glass beyond the page is black
    assert (lid[..., 2] - lid[..., 0]).mean() > 2  # the strip lights' cool cast
    clipped = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert clipped.ndim == 2
    assert clipped[: clipped.shape[0] // 30].min() < 120  # the clip's wire at the top
    blotted = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert blotted.ndim == 2
    data, fmt, _ = ax_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ax_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ax_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    assert not Image.open(io.BytesIO(data)).info.get("progressive")
    data, fmt, _ = ax_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_correction_fluid_covers_a_line_with_no_true_value(family: list[AXSample]) -> None:
    """The rows the correction fluid may cover hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_ax._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_ax(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ax_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ax") == digest()


def test_family_ax_is_trained_on_only_as_a_read_family() -> None:
    """AX is seen since round 43 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AX" in read_families.READ
    assert "corpus_blind_ax" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ax", "AX")


# -- the reader on AX (measured blind, then read in round 43: benchmarks/OCR.md) -----------------


@pytest.fixture(scope="module")
def ax_score(
    family: list[AXSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 30/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 35/36, deadline 24/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 3/4, served 2/2 (branch corpusax off 2331dcf0 = main after round 41's "
    "merges, shipped classifier and field ranker; on 76 documents class 74/76 (two bank "
    "statements read as other), letter date 70/72, every other field 100%: "
    "benchmarks/OCR.md, 'Family AX')"
)
"""The first measurement (38 documents here): every floor met but the frequency (3 of 4)."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 43 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"frequency"})
"""The issue's floors not met at the first measurement, blind; since round 43
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_ax_is_read_at_least_as_well_as_first_measured(ax_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + ax_score.table("family AX (seen since round 43), perfect text"))
    assert ax_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert ax_score.totals[field] == total, field
        assert ax_score.hits[field] >= hits, (field, ax_score.hits[field], hits)


ROUND_43 = "every floor met (rules of round 43, models 2026-12-06.34); counts in MEASURED"
"""After round 43, which read AX's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 43 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AX after round 43, under the issue's floor: {ROUND_43}"),
)
def test_family_ax_meets_the_floor(ax_score: Score, field: str) -> None:
    """Seen since round 43, so a regression check of a training-side figure: ROUND_43
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(ax_score.accuracy(field), field), field
