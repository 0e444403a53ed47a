# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AY (``corpus_blind_ay.py``), written blind in a forty-fourth hand (Hastings under
the law of England and Wales; its organisations and wording new to the earlier families;
its six settings from the home and the garden): the family itself (every class, ground
truth printed, deterministic, laid out on the page, each setting as it says), that it is
trained on only as a read family (read since round 43), and the reader on it on perfect
text as the product reads (the shipped classifier and field ranker), held to the counts
reached in round 43. The OCR sample is in tests/integration/ocr/test_blind_family_ay_ocr.py;
the figures are in benchmarks/OCR.md ("Family AY", and "Round 43", which read AY's misses:
every figure on AY since is a training-side figure). Two documents a class keep this module
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
    corpus_blind_ay,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ay import (
    ALL_SHAPES,
    PAD,
    SCANS,
    SEED,
    TEMPLATES,
    TOWEL,
    AYSample,
    ay_pages,
    ay_scanned,
    ay_text,
    build_ay,
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
           "corpus_blind_au", "corpus_blind_av", "corpus_blind_aw", "statements_corpus")  # fmt: skip
"""The modules of the earlier families (and the statements corpus), searched as text by the
new-words test (AX, written at the same time, is not in this tree)."""


@pytest.fixture(scope="module")
def family() -> list[AYSample]:
    return build_ay(2)


@pytest.fixture(scope="module")
def every() -> list[AYSample]:
    return build_ay(4)


@pytest.fixture(scope="module")
def texts(family: list[AYSample]) -> dict[str, str]:
    return {s.name: ay_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AYSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ay_pages(s) for s in family}


def test_every_class_has_family_ay_with_the_fields_it_yields(
    family: list[AYSample], every: list[AYSample], texts: dict[str, str]
) -> None:
    assert SEED == 4960
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AY")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(ay_text(s) for s in every)
    for words in ("Yours sincerely", "Payslip", "Sunday premium", "Yours to keep this time", "Pay advice", "Paid", "Kept back",
                  "Sent to your bank", "Your current account", "Money out", "Money in", "Balance carried forward",
                  "Easy access saver: statement", "Starting balance", "Balance after"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]{2}\. 20\d\d\b", alltext)
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri) \d\d/\d\d/20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "narrow", "caladea"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date and s.truth.document_class not in (C.PAYSLIP,))  # fmt: skip


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4th Dec. 2026", "Fri 04/12/2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22nd Sep. 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 11)) == "11th Sep. 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 1)) == "1st Sep. 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 23)) == "23rd Sep. 2025"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "Mon 02/03/2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([-+])?£?([\d,]+)\.(\d\d)", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] == "-" else value


def _cells(sample: AYSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AYSample]) -> None:
    """The bank's lines: each balance the one before, money in less money out; the savings
    bank's: each balance the one before plus its signed change."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money in" in ay_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
        else:
            start = next(r for r in rows if r and r[0].text == "Starting balance")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    running += _amount(row[2].text)
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
        assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AYSample]) -> None:
    """The garden centre's earnings come to their total, its deductions to theirs, the
    difference the take-home pay; the fish market's "Paid" column to the gross, "Kept back"
    to its total and what is sent to the bank the difference. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Yours to keep this time" in ay_text(sample):
            a = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings")
            b = next(k for k, r in enumerate(rows) if r and r[0].text == "Total earnings")
            c = next(k for k, r in enumerate(rows) if r and r[0].text == "Deductions")
            d = next(k for k, r in enumerate(rows) if r and r[0].text == "Total deductions")
            pays = sum(_amount(r[1].text) for r in rows[a + 1 : b] if len(r) == 2)
            cuts = sum(_amount(r[1].text) for r in rows[c + 1 : d] if len(r) == 2)
            gross, off = _amount(rows[b][1].text), _amount(rows[d][1].text)
            net = _amount(
                next(r for r in rows if r and r[0].text == "Yours to keep this time")[1].text
            )
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Description")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Column totals")
            pays = sum(_amount(c.text) for r in rows[head + 1 : foot] for c in r if abs(c.x - 0.7) < 0.001)  # fmt: skip
            cuts = sum(_amount(c.text) for r in rows[head + 1 : foot] for c in r if abs(c.x - 0.88) < 0.001)  # fmt: skip
            gross, off = _amount(rows[foot][1].text), _amount(rows[foot][2].text)
            net = _amount(next(r for r in rows if r and r[0].text == "Sent to your bank")[1].text)
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"door": "fridge", "tray": "seedtray", "grid": "gardenplan", "pad": "shoppinglist", "towel": "teatowel", "pot": "flowerpots"}  # fmt: skip


def _setting(sample: AYSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: AYSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "fridge":
        door = next(m for m in marks if m.kind == "door")
        magnets = [m for m in marks if m.kind == "magnet"]
        assert len(magnets) >= 4, sample.name
        assert len({m.x0 for m in magnets}) == 2, sample.name
        for m in magnets:
            assert door.row <= m.row, sample.name
            assert (m.last or 0) <= (door.last or 0), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert not cells[0].bold, sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "seedtray":
        tray = next(m for m in marks if m.kind == "tray")
        stakes = [m for m in marks if m.kind == "stake"]
        assert len(stakes) >= 4, sample.name
        for m in stakes:
            assert tray.row <= m.row, sample.name
            assert (m.last or 0) <= (tray.last or 0), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "gardenplan":
        grid = next(m for m in marks if m.kind == "grid")
        beds = [m for m in marks if m.kind == "bed"]
        assert len(beds) >= 4, sample.name
        for m in beds:
            assert grid.row <= m.row, sample.name
            assert (m.last or 0) <= (grid.last or 0), sample.name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "left" and abs(c.x - m.x0 - 0.02) < 0.001 for c in cells), sample.name  # fmt: skip
            held += [c.text for c in cells]
    elif kind == "shoppinglist":
        pad = next(m for m in marks if m.kind == "pad")
        ticks = [m for m in marks if m.kind == "tick"]
        assert len(ticks) >= 4, sample.name
        assert (pad.x0, pad.x1) == PAD
        cells = cells_within(rows, pad.row, pad.last or pad.row, PAD[0], PAD[1])
        assert all(c.x == PAD[0] + 0.06 for c in cells), sample.name
        beside = cells_within(rows, pad.row, pad.last or pad.row, 0.45, 1.0)
        assert beside, sample.name
        assert all(c.x == 0.46 and not c.bold for c in beside), sample.name
        held += [c.text for c in cells]
    elif kind == "teatowel":
        towel = next(m for m in marks if m.kind == "towel")
        assert (towel.x0, towel.x1) == TOWEL
        cells = cells_within(rows, towel.row, towel.last or towel.row, 0.0, 1.0)
        assert {c.bold for c in cells if c.align == "right"} == {True}, sample.name
        assert all(c.x < 0.5 for c in cells if not c.bold), sample.name
        held += [c.text for c in cells]
    elif kind == "flowerpots":
        pots = [m for m in marks if m.kind == "pot"]
        assert len(pots) >= 4, sample.name
        for m in pots:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.align == "centre" for c in cells), sample.name
            rim = cells_within(rows, m.row, m.row + m.shade - 1, m.x0, m.x1)
            assert rim, sample.name
            assert all(not c.bold for c in rim), sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AYSample]) -> None:
    """The magnets on the fridge door, set left and right in turn, labels small beside
    bold values; the stakes in the tray; the beds on the squared paper, labels over values at
    each bed's left; the list's items on the pad with the prose beside it; the tea towel's
    labels at the left and values to the right; the pots' labels on their rims and values
    on their bodies. Every setting holds the sum and the reference."""
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
    """AY's own wording as written in ``corpus_blind_ay`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ay))):
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
         "County Court at Hastings", "Hastings Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Hastings court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ay_is_in_an_earlier_family() -> None:
    """AY is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words, scans' words or titles appears in the
    earlier families' modules, nor most of its labels (real letters share the plainest
    ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_ay
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Sunday premium", "Yours to keep this time", "Kept back", "Dawn shift allowance", "Boots and oilskins scheme",
        "Hastings", "Hollington", "Silverhill", "Fairlight", "Pebsham", "Baldslow",
        "fridge", "magnet", "seed tray", "plant label", "garden plan", "squared paper", "shopping list",
        "tea towel", "flower pot", "flour", "pollen", "snail",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AYSample]) -> None:
    for sample in every:
        for text in (ay_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AYSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: ay_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AYSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_ay._draw(sample, 0, SCANS[0].dpi), dtype=float)
    floury = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert floury.ndim == 3
    assert floury.shape[0] >= clean.shape[0]
    assert floury.mean() > clean.mean() - 12  # flour lightens, never darkens the page much
    photo = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    assert (photo[..., 0] - photo[..., 2]).max() > 60  # orange-yellow pollen somewhere
    trail = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert trail.ndim == 2
    data, fmt, _ = ay_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ay_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ay_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    assert not Image.open(io.BytesIO(data)).info.get("progressive")
    data, fmt, _ = ay_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def digest() -> str:
    samples = build_ay(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ay_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ay") == digest()


def test_family_ay_is_trained_on_only_as_a_read_family() -> None:
    """AY is seen since round 43 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AY" in read_families.READ
    assert "corpus_blind_ay" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ay", "AY")


# -- the reader on AY (measured blind, then read in round 43: benchmarks/OCR.md) -----------------


@pytest.fixture(scope="module")
def ay_score(
    family: list[AYSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 29/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 32/36, deadline 22/24, claim no. 4/4, payer 3/4, income 2/4, gross "
    "1/2, frequency 3/4, served 2/2 (branch corpusay off 2331dcf0 = main after round 41's "
    "merges, shipped classifier and field ranker; on 76 documents class 75/76, letter date "
    "66/72, payer 7/8, income 5/8, gross 3/4, frequency 6/8: benchmarks/OCR.md, 'Family AY')"
)
"""The first measurement (38 documents here): every floor met but the letter date and the
payslips' and benefits' fields."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 43 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"letter_date", "payer_name", "income_pence", "gross_pence", "frequency"})
"""The issue's floors not met at the first measurement, blind; since round 43
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_ay_is_read_at_least_as_well_as_first_measured(ay_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + ay_score.table("family AY (seen since round 43), perfect text"))
    assert ay_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert ay_score.totals[field] == total, field
        assert ay_score.hits[field] >= hits, (field, ay_score.hits[field], hits)


ROUND_43 = "every floor met (rules of round 43, models 2026-12-06.34); counts in MEASURED"
"""After round 43, which read AY's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 43 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AY after round 43, under the issue's floor: {ROUND_43}"),
)
def test_family_ay_meets_the_floor(ay_score: Score, field: str) -> None:
    """Seen since round 43, so a regression check of a training-side figure: ROUND_43
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(ay_score.accuracy(field), field), field
