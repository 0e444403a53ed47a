# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AU (``corpus_blind_au.py``), written blind in a fortieth hand (its organisations
and wording new to A-Z, G, E, F, I, J, AA to AL and AN to AS) and read since round 41: the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says), that it is trained on only as a read family, and the reader on it on
perfect text as the product reads (the shipped classifier and field ranker), held to the
counts reached in round 41. The OCR sample is in
tests/integration/ocr/test_blind_family_au_ocr.py; the figures are in benchmarks/OCR.md
("Family AU", and "Round 41", which read AU's misses: every figure on AU since is a
training-side figure). Two documents a class keep this module to a few seconds; the
benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import random
import re
from importlib import import_module

import numpy as np
import pytest
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_au,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_au import (
    ALL_SHAPES,
    SCANS,
    SEED,
    TEMPLATES,
    AUSample,
    au_pages,
    au_scanned,
    au_text,
    build_au,
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
           "corpus_blind_aq", "corpus_blind_ar", "corpus_blind_as", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL and AN to AS (and the
statements corpus), searched by the new-words test."""


@pytest.fixture(scope="module")
def family() -> list[AUSample]:
    return build_au(2)


@pytest.fixture(scope="module")
def every() -> list[AUSample]:
    return build_au(4)


@pytest.fixture(scope="module")
def texts(family: list[AUSample]) -> dict[str, str]:
    return {s.name: au_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AUSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: au_pages(s) for s in family}


def test_every_class_has_family_au_with_the_fields_it_yields(
    family: list[AUSample], every: list[AUSample], texts: dict[str, str]
) -> None:
    assert SEED == 4560
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AU")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(au_text(s) for s in every)
    for words in ("Yours faithfully", "Seafarer's pay statement", "Rota this period", "Into your bank this time", "Taken off",
                  "Payslip", "Rolled-up holiday pay", "NET PAY", "Current account statement", "Money out",
                  "Opening balance", "Spending week to", "Week's total", "Balance at end"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d \((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)", alltext)
    assert re.search(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2}(st|nd|rd|th) [A-Z][a-z]{2} 20\d\d\b", alltext)  # fmt: skip
    assert {s.style.face for s in family} == {"open", "condensed", "liberation"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4.12.2026 (Fri)", "Friday 4th Dec 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22.9.2025 (Mon)"
    assert ALL_SHAPES[1](dt.date(2025, 9, 11)) == "Thursday 11th Sep 2025"
    assert ALL_SHAPES[1](dt.date(2026, 3, 1)) == "Sunday 1st Mar 2026"
    assert ALL_SHAPES[1](dt.date(2026, 5, 23)) == "Saturday 23rd May 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([-+])?£?([\d,]+)\.(\d\d)( OD)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] == "-" or m[4] else value


def _cells(sample: AUSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AUSample]) -> None:
    """The credit union's lines: each balance the one before, money in less money out; the
    bank's: each line's signed amount carried into the balance, each week's totals its
    lines' sums, and the end balance the last line's."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Spending week to" in au_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance at start")
            running = _amount(start[1].text)
            ins = outs = 0
            for row in rows:
                if row and re.fullmatch(r"[A-Z][a-z]{2} \d\d", row[0].text):
                    step = _amount(row[2].text)
                    running += step
                    ins += max(step, 0)
                    outs -= min(step, 0)
                    assert _amount(row[3].text) == running, sample.name
                elif row and row[0].text.startswith("Week's total"):
                    assert row[0].text == f"Week's total: in {plain(ins)}, out {plain(outs)}", (
                        sample.name
                    )
                    ins = outs = 0
            end = next(r for r in rows if r and r[0].text == "Balance at end")
            assert _amount(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Opening balance")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.64) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
            assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AUSample]) -> None:
    """The ferry's days at the rate are the day pay, its earnings come to the gross, what is
    taken off to its total, and the difference is the take-home pay; the arcade's hours add
    up to the total, the hours at the rate to the basic pay, and the gross less the
    deductions is the net pay. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = au_text(sample)
        at = {r[0].text: r for r in rows if r}
        if "Seafarer's pay statement" in text:
            days = next(k for k in at if k.startswith("Days on board x "))
            count = int(days.rsplit(" ", 1)[1])
            rate = _amount(at[days][1].text)
            pays = [_amount(at[name][-1].text) for name in (days, "Sea allowance", "Extra sailings")]  # fmt: skip
            assert pays[0] == count * rate, sample.name
            gross = _amount(at["Gross earnings"][1].text)
            cuts = [_amount(at[name][1].text) for name in ("Tax withheld", "NI (Class 1)", "Merchant Navy pension", "Crew mess fund")]  # fmt: skip
            off = _amount(at["Total taken off"][1].text)
            net = _amount(at["Into your bank this time"][1].text)
            assert sum(pays) == gross, sample.name
            assert sum(cuts) == off, sample.name
            assert gross - off == net, sample.name
        else:
            weeks = [r for r in rows if r and re.fullmatch(r"Week \d", r[0].text)]
            quarters = sum(round(float(c.text) * 4) for r in weeks for c in r[1:])
            total = next(r for r in rows if r and r[0].text.startswith("Total hours "))
            assert quarters == round(float(total[0].text.rsplit(" ", 1)[1]) * 4), sample.name
            basic_row = next(r for r in rows if r and r[0].text.startswith("Basic "))
            m = re.fullmatch(r"Basic ([\d.]+) hrs @ ([\d,.]+)", basic_row[0].text)
            assert m, sample.name
            basic = _amount(basic_row[1].text)
            assert basic == round(float(m[1]) * _amount(m[2])), sample.name
            gross = _amount(
                next(r for r in rows if r and r[0].text == "Earned before stoppages")[1].text
            )
            holiday = _amount(
                next(r for r in rows if r and r[0].text == "Rolled-up holiday pay")[1].text
            )
            assert basic + holiday == gross, sample.name
            cuts = [_amount(c.text) for r in rows for k, c in enumerate(r) if k > 0 and r[k - 1].text in ("Tax (bureau PAYE)", "NI (employee share)", "Auto pension at 5%")]  # fmt: skip
            off = _amount(next(c.text for r in rows for k, c in enumerate(r) if k > 0 and r[k - 1].text == "Deductions" and r[k - 1].x > 0.5 and c.align == "right"))  # fmt: skip
            net = _amount(next(r for r in rows if r and r[0].text == "NET PAY")[1].text)
            assert sum(cuts) == off, sample.name
            assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def _setting(sample: AUSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    for kind in ("clock", "board", "tile", "shelf", "card", "key"):
        if kind in kinds:
            return kind
    return ""


def _held(sample: AUSample, marks: list, near: float = 0.0) -> list[str]:
    """The texts of the cells inside each mark's rows and span."""
    rows = _cells(sample)
    held = []
    for m in marks:
        for r in rows[m.row : (m.last if m.last is not None else m.row) + 1]:
            held += [c.text for c in r if m.x0 - near <= c.x <= m.x1 + near]
    return held


def _check_setting(sample: AUSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    marks = list(sample.rules[0])
    if kind == "clock":
        face = next(m for m in marks if m.kind == "clock")
        around = [
            c for r in rows[face.row - 12 : face.row + 13] for c in r if c.size and c.size != 0
        ]
        texts = [c.text for r in rows[face.row - 12 : face.row + 13] for c in r]
        if ref:
            assert ref in texts, sample.name
        if owed is not None:
            assert pounds(owed) in texts, sample.name
        # nothing is written inside the face
        for r in rows[face.row - 3 : face.row + 4]:
            for c in r:
                assert not (0.5 - face.x1 < c.x < 0.5 + face.x1) or c.align != "left", sample.name
        assert around
    elif kind == "board":
        board = next(m for m in marks if m.kind == "board")
        plates = [m for m in marks if m.kind == "plate"]
        assert len(plates) >= 4, sample.name
        held = _held(sample, plates)
        if owed is not None:
            assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name
        assert all(board.row <= p.row and (p.last or 0) <= (board.last or 0) for p in plates), (
            sample.name
        )
    elif kind == "tile":
        tiles = [m for m in marks if m.kind == "tile"]
        assert len(tiles) >= 4, sample.name
        held = _held(sample, tiles)
        if owed is not None:
            assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name
        symbols = [c for m in tiles for c in rows[m.row + 1] if m.x0 < c.x < m.x1]
        assert all(c.bold and len(c.text) == 2 and c.text[0].isupper() for c in symbols), (
            sample.name
        )
    elif kind == "shelf":
        labels = [m for m in marks if m.kind == "label"]
        shelves = [m for m in marks if m.kind == "shelf"]
        assert len(shelves) >= 2, sample.name
        assert len(labels) >= 3, sample.name
        assert {m.row for m in labels} <= {m.row for m in shelves}, sample.name
        assert any(m.kind == "goods" for m in marks), sample.name
        held = _held(sample, labels)
        if owed is not None:
            assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name
    elif kind == "card":
        cards = [m for m in marks if m.kind == "card"]
        assert len(cards) >= 3, sample.name
        assert {m.shade for m in cards} <= {0, 1, 2, 3}, sample.name
        for m in cards:
            index = next(c for c in rows[m.row] if m.x0 < c.x < m.x1)
            assert index.bold, sample.name
            assert index.size < 8, sample.name
        held = _held(sample, cards)
        if ref:
            assert ref in held, sample.name
    elif kind == "key":
        keys = [m for m in marks if m.kind == "key"]
        assert len(keys) >= 3, sample.name
        bar = max(keys, key=lambda m: m.x1 - m.x0)
        spoken = owed if owed is not None else truth.income_pence
        if spoken is not None:
            assert pounds(spoken) in _held(sample, [bar]), sample.name
        assert all(0.08 <= m.x0 < m.x1 <= 0.92 for m in keys), sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AUSample]) -> None:
    """The clock's facts stand round its face and none inside it; the scoreboard's values
    are on plates on the board; each tile holds a two-letter symbol and its fact; each
    shelf-edge label hangs under a shelf; each card's index is small and bold; the sum is
    on the keyboard's space bar."""
    seen = dict.fromkeys(("clock", "board", "tile", "shelf", "card", "key"), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AU's own wording as written in ``corpus_blind_au`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_au))):
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


STATE = ("Department for Work and Pensions", "HM Courts & Tribunals Service", "Civil National Business Centre",
         "County Court at Portsmouth", "Portsmouth City Council")  # fmt: skip
"""Public bodies and courts any family may name (the city's are new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_au_is_in_an_earlier_family() -> None:
    """AU is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL and AN to AS, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    au = corpus_blind_au
    orgs = [o for o in vars(au).values() if isinstance(o, au.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in au.PEOPLE),
        *(street for street, _, _ in au.ADDRESSES),
        "Rota this period", "Into your bank this time", "Rolled-up holiday pay", "Spending week to",
        "Portsmouth", "Southsea", "Fratton", "Cosham", "Copnor", "Eastney", "Hilsea", "Farlington", "Stamshaw",
        "Tipner", "Portsdown", "Spithead", "Ravelin", "Langstone", "scoreboard", "periodic", "keycap",
        "shelf-edge", "playing card", "rubber band", "glazing bar", "raking light",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AUSample]) -> None:
    for sample in every:
        for text in (au_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AUSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: au_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AUSample]) -> None:
    sample = family[2]
    banded = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert banded.ndim == 3
    reddish = (banded[..., 0] - banded[..., 2] > 60) & (banded[..., 1] < 140)
    assert reddish.sum() > 500  # the band
    photo = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    warm = photo[..., 0] - photo[..., 2]
    assert (warm < -5).sum() > 0.02 * warm.size  # the cool shadows of the bars
    assert np.median(warm) > 10  # the warm sunlight
    clean = np.asarray(corpus_blind_au._draw(sample, 0, SCANS[2].dpi).convert("L"), dtype=float)
    pressed = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert pressed.ndim == 2
    assert pressed.shape[0] >= clean.shape[0]
    assert (pressed < 200).mean() > (clean < 200).mean()  # the grooves' dark edges
    data, fmt, _ = au_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    from PIL import Image

    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = au_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = au_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    assert not Image.open(io.BytesIO(data)).info.get("progressive")
    data, fmt, _ = au_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_band_lies_over_no_true_value(family: list[AUSample]) -> None:
    """The rubber band's loop is laid where its bounds cover no cell holding a true value
    (on most pages; else where it covers fewest)."""
    clear = 0
    for sample in family[:16]:
        rng = random.Random(7)
        xs, ys = corpus_blind_au._loop(rng, SCANS[0].dpi)
        *_, hits = corpus_blind_au.band_place(sample, 0, SCANS[0].dpi, rng, xs, ys)
        clear += hits == 0
    assert clear >= 12


def digest() -> str:
    samples = build_au(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{au_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_au") == digest()


def test_family_au_is_trained_on_only_as_a_read_family() -> None:
    """AU is seen since round 41 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AU" in read_families.READ
    assert "corpus_blind_au" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_au", "AU")


# -- the reader on AU (seen since round 41, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def au_score(
    family: list[AUSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 95% (36/38), creditor 97% (29/30), original creditor 0/2, reference 27/30, "
    "balance 30/30, letter date 34/36, deadline 22/23, claim no. 5/5, payer 4/4, income 2/4, "
    "gross 2/2, frequency 4/4, served 2/2 (branch corpusau off 276e88e0 = main after round "
    "39's merges, shipped classifier and field ranker; on 76 documents class 72/76, original "
    "creditor 0/4, income 4/8: benchmarks/OCR.md, 'Family AU')"
)
"""The first measurement (38 documents here): every floor met but the class (36/38 is just
under 95%), the original creditor and the income."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (22, 23), "court_claim_number": (5, 5), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 41 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"document_class", "original_creditor", "income_pence"})
"""The issue's floors not met at the first measurement, blind (the class, the original
creditor and the income); since round 41 ``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_au_is_read_at_least_as_well_as_first_measured(au_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + au_score.table("family AU (seen since round 41), perfect text"))
    assert au_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert au_score.totals[field] == total, field
        assert au_score.hits[field] >= hits, (field, au_score.hits[field], hits)


ROUND_41 = (
    "every floor met (rules of round 41, models 2026-12-06.34; the deadline 22/23 as at the "
    "first measurement); counts in MEASURED"
)
"""After round 41, which read AU's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 41 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AU after round 41, under the issue's floor: {ROUND_41}"),
)
def test_family_au_meets_the_floor(au_score: Score, field: str) -> None:
    """Seen since round 41, so a regression check of a training-side figure: ROUND_41
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(au_score.accuracy(field), field), field
