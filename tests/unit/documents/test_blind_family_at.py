# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AT (``corpus_blind_at.py``), written blind in a thirty-ninth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL and AN to AS) and read since
round 41: the family itself (every class, ground truth printed, deterministic, laid out on
the page, each setting as it says), that it is trained on only as a read family, and the
reader on it on perfect text as the product reads (the shipped classifier and field
ranker), held to the counts reached in round 41. The OCR sample is in
tests/integration/ocr/test_blind_family_at_ocr.py; the figures are in benchmarks/OCR.md
("Family AT", and "Round 41", which read AT's misses: every figure on AT since is a
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
    corpus_blind_at,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_at import (
    ALL_SHAPES,
    SCANS,
    SEED,
    TEMPLATES,
    ATSample,
    at_pages,
    at_scanned,
    at_text,
    build_at,
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
def family() -> list[ATSample]:
    return build_at(2)


@pytest.fixture(scope="module")
def every() -> list[ATSample]:
    return build_at(4)


@pytest.fixture(scope="module")
def texts(family: list[ATSample]) -> dict[str, str]:
    return {s.name: at_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ATSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: at_pages(s) for s in family}


def test_every_class_has_family_at_with_the_fields_it_yields(
    family: list[ATSample], every: list[ATSample], texts: dict[str, str]
) -> None:
    assert SEED == 4460
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AT")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(at_text(s) for s in every)
    for words in ("KEEP THIS PART", "Across", "Down", "You will need", "Method", "What happens", "Notes", "Showing now",
                  "Kind regards,", "Pay statement", "Take-home pay", "Wage slip", "Total hours", "Net wage",
                  "Everyday account", "Closing balance", "Member statement", "Carried forward"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. 20\d\d\b", alltext)  # fmt: skip
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d [A-Z][a-z]+ 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"carlito", "condensed", "serif"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4th Dec. 2026", "Fri 04 December 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22nd Sep. 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 12)) == "12th Sep. 2025"
    assert ALL_SHAPES[0](dt.date(2026, 3, 1)) == "1st Mar. 2026"
    assert ALL_SHAPES[1](dt.date(2026, 5, 3)) == "Sun 03 May 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(-|\()?£?([\d,]+)\.(\d\d)\)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] else value


def _cells(sample: ATSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[ATSample]) -> None:
    """The bank's: each balance the one before, deposits in and withdrawals out; the credit
    union's: the savings rise and the loan falls by each week's sums."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Everyday account" in at_text(sample):
            start = next(r for r in rows if len(r) == 2 and r[0].text == "Opening balance")
            running = _amount(start[1].text)
            for row in rows:
                if len(row) == 4 and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
            assert _amount(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Brought forward")
            saved, owed = _amount(start[1].text), _amount(start[2].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d/\d\d", row[0].text):
                    saved += _amount(row[1].text)
                    owed -= _amount(row[3].text)
                    assert (_amount(row[2].text), _amount(row[4].text)) == (saved, owed), (
                        sample.name
                    )
            end = next(r for r in rows if r and r[0].text == "Carried forward")
            assert (_amount(end[1].text), _amount(end[2].text)) == (saved, owed), sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[ATSample]) -> None:
    """The care firm's weeks come to the gross, its deductions to their total, and the
    difference is the take-home pay; the warehouse's shifts add up to the hours, and the
    gross less the bracketed deductions is the net wage. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Pay statement" in at_text(sample):
            weeks = [_amount(r[3].text) for r in rows if r and re.fullmatch(r"Week \d", r[0].text)]
            gross = _amount(next(r[-1].text for r in rows if any(c.text == "Gross pay" for c in r)))
            cuts = [_amount(r[1].text) for r in rows if r and r[0].text in ("Income tax", "National Insurance", "Workplace pension 5%")]  # fmt: skip
            off = _amount(next(r[1].text for r in rows if r and r[0].text == "Deductions in all"))
            net = _amount(next(r[1].text for r in rows if r and r[0].text == "Take-home pay"))
            assert sum(weeks) == gross, sample.name
            assert sum(cuts) == off, sample.name
            assert gross - off == net, sample.name
        else:
            shifts = [r for r in rows if r and re.fullmatch(r"\d\d\.\d\d", r[0].text)]
            hours = sum(round(float(r[-1].text) * 100) for r in shifts)
            total = next(r for r in rows if r and r[0].text == "Total hours")
            assert hours == round(float(total[1].text) * 100), sample.name
            lines = {r[0].text: _amount(r[1].text) for r in rows if len(r) == 2 and r[0].x == 0.3}
            gross, net = lines["Gross wage"], lines["Net wage"]
            built = [v for k, v in lines.items() if k not in ("Gross wage", "Net wage") and v > 0]
            assert sum(built) == gross, sample.name
            assert gross + sum(v for v in lines.values() if v < 0) == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def _setting(sample: ATSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    for kind in ("perf", "square", "wave", "flap", "board", "card"):
        if kind in kinds:
            return kind
    return ""


def _check_setting(sample: ATSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    marks = sample.rules[0]
    texts = [c.text for r in rows for c in r]
    if kind == "perf":  # the boarding pass: the stub repeats the reference and the sum
        perf = next(m for m in marks if m.kind == "perf")
        stub = [c.text for r in rows[perf.row : (perf.last or 0) + 1] for c in r if c.x > perf.x0]
        if ref:
            assert ref in stub, sample.name
            assert texts.count(ref) >= 2, sample.name
        if owed is not None:
            assert pounds(owed) in stub, sample.name
    elif kind == "square":  # the crossword: each white square numbered, labels as clues
        white = [m for m in marks if m.kind == "square" and m.shade == 255]
        assert len(white) >= 4, sample.name
        assert any(m.kind == "square" and m.shade < 100 for m in marks), sample.name
        numbers = [c.text for m in white for c in rows[m.row] if m.x0 < c.x < m.x1 and c.text.isdigit()]  # fmt: skip
        assert numbers == [str(n) for n in range(1, len(white) + 1)], sample.name
        assert "Across" in texts, sample.name
        assert "Down" in texts, sample.name
    elif kind == "wave":  # the tide table: dates in order, the sum beside the last
        heads = next(k for k, r in enumerate(rows) if r and r[0].text == "Day")
        dated = [r for r in rows[heads + 1 :] if len(r) >= 3 and re.fullmatch(r"[A-Z]{3}", r[0].text)]  # fmt: skip
        days = [next(d for d in (truth.letter_date, truth.deadline_date, truth.served_date) if d and any(s(d) == r[1].text for s in ALL_SHAPES)) for r in dated]  # fmt: skip
        assert days == sorted(days), sample.name
        if owed is not None:
            assert dated[-1][-1].text == pounds(owed), sample.name
    elif kind == "flap":  # the seed packet: bars under the months of the letter and the act
        bars = [m for m in marks if m.kind == "bar"]
        assert truth.letter_date is not None
        x = corpus_blind_at.MONTH_X[truth.letter_date.month - 1]
        assert any(m.x0 < x < m.x1 for m in bars), sample.name
        if truth.deadline_date:
            x = corpus_blind_at.MONTH_X[truth.deadline_date.month - 1]
            assert any(m.x0 < x < m.x1 and m.shade < 100 for m in bars), sample.name
    elif kind == "board":  # the departure board: numbered lines, values at the right
        board = next(m for m in marks if m.kind == "board")
        inside = [c for r in rows[board.row : (board.last or 0) + 1] for c in r]
        values = [c.text for c in inside if c.align == "right" and c.bold]
        if ref:
            assert ref in values, sample.name
        if owed is not None:
            assert pounds(owed) in values, sample.name
    elif kind == "card":  # the recipe: every value bold after a bullet, then numbered steps
        bullets = [r for r in rows if r and r[0].text == "\u2022"]
        values = [r[1].text for r in bullets]
        assert all(r[1].bold for r in bullets), sample.name
        if ref:
            assert ref in values, sample.name
        if owed is not None:
            assert pounds(owed) in values, sample.name
        assert "3." in texts, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[ATSample]) -> None:
    """The boarding pass's stub repeats the reference and the sum; the crossword's white
    squares are numbered in order and its labels are clues; the tide table's dates are in
    order with the sum beside the last; the seed packet marks the months; the departure
    board holds the values at its right; the recipe lists every value in bold."""
    seen = dict.fromkeys(("perf", "square", "wave", "flap", "board", "card"), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AT's own wording as written in ``corpus_blind_at`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_at))):
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


STATE = ("Department for Work and Pensions", "HM Courts & Tribunals Service",
         "County Court Business Centre", "Traffic Enforcement Centre", "Rochdale Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the borough is new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_at_is_in_an_earlier_family() -> None:
    """AT is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, places, setting words or titles appears in the modules of
    A-Z, G, E, F, I, J, AA to AL and AN to AS, nor most of its labels (real letters share
    the plainest ones). The settings' plain phrases are not checked: the boarding pass's
    "KEEP THIS PART" is AD's too and "You will need" AE's (found after writing)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    at = corpus_blind_at
    orgs = [o for o in vars(at).values() if isinstance(o, at.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in at.PEOPLE),
        *(street for street, _, _ in at.ADDRESSES),
        "Rochdale", "Heywood", "Milnrow", "Littleborough", "Smallbridge", "Spotland", "Kirkholt", "Balderstone",
        "Belfield", "Healey", "boarding pass", "crossword", "recipe", "tide table", "seed packet",
        "departure board", "shredder", "transparency", "candle",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in names:
        assert not in_earlier(name, sources), name
    # four plain titles are earlier families' too (found after writing, before measuring:
    # the statutory demand's, the energy bill's, the water arrears' and the rent arrears')
    assert len([t for t in titles if in_earlier(t, sources)]) <= 4, titles
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    # 68 of 97 labels are plain ones an earlier family has used too (counted after writing,
    # before measuring; AQ shared 12%): AT is new in its places, bodies and settings, not in
    # its labels
    assert len(shared) <= len(labels) * 72 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[ATSample]) -> None:
    for sample in every:
        for text in (at_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[ATSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: at_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ATSample]) -> None:
    sample = family[2]
    clean = np.asarray(corpus_blind_at._draw(sample, 0, SCANS[0].dpi).convert("L"), dtype=float)
    shredded = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert shredded.ndim == 2
    assert shredded.shape[0] >= clean.shape[0]
    assert (
        shredded[-clean.shape[0] // 20 :].mean() < clean[-clean.shape[0] // 20 :].mean() - 10
    )  # the dark gaps
    film = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert film.ndim == 3
    assert film[: film.shape[0] // 60].mean() < 80  # the scanner's dark round the film
    waxed = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    plain_page = np.asarray(
        corpus_blind_at._draw(sample, 0, SCANS[2].dpi).convert("L"), dtype=float
    )
    assert waxed.ndim == 2
    assert waxed.mean() < plain_page.mean() - 0.05  # the drips darken the margins
    from PIL import Image

    data, fmt, _ = at_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = at_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = at_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = at_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_shredder_and_the_wax_spare_every_true_value(family: list[ATSample]) -> None:
    """The shredder's cut begins below every row holding a true value; the wax keeps to
    the margins (the middle of the page is untouched)."""
    for sample in family[:12]:
        dpi = SCANS[0].dpi
        tops, heights = corpus_blind_at.PRINT.rows(sample, 0, dpi)
        cut = corpus_blind_at.shred_top(sample, 0, dpi)
        for k, row in enumerate(sample.pages[0]):
            if tops[k] + heights[k] > cut:
                assert values_in_text(sample.truth, " ".join(c.text for c in row))[0] == 0, (
                    sample.name
                )
    sample = family[4]
    clean = np.asarray(corpus_blind_at._draw(sample, 0, SCANS[2].dpi).convert("L"), dtype=float)
    marked = np.asarray(corpus_blind_at._wax(corpus_blind_at._draw(sample, 0, SCANS[2].dpi), SCANS[2].dpi, random.Random(5), 0.0), dtype=float)  # fmt: skip
    h, w = clean.shape
    middle = (slice(h // 10, h - h // 10), slice(w // 10, w - w // 10))
    assert np.abs(marked[middle] - clean[middle]).mean() < 3


def digest() -> str:
    samples = build_at(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{at_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_at") == digest()


def test_family_at_is_trained_on_only_as_a_read_family() -> None:
    """AT is seen since round 41 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AT" in read_families.READ
    assert "corpus_blind_at" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_at", "AT")


# -- the reader on AT (seen since round 41, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def at_score(
    family: list[ATSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 28/30, reference 26/30, balance 28/30, letter date 35/36, "
    "deadline 24/24, frequency 2/4 (branch corpusat off 276e88e0 = main, shipped classifier "
    "and field ranker; on 76 documents class 73/76, reference 53/60, frequency 5/8: "
    "benchmarks/OCR.md, 'Family AT')"
)
"""The first measurement (38 documents here): every floor met but the reference and the
frequency."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 41 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"account_reference", "frequency"})
"""The issue's floors not met at the first measurement, blind (the reference and the
frequency); since round 41 ``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_at_is_read_at_least_as_well_as_first_measured(at_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + at_score.table("family AT (seen since round 41), perfect text"))
    assert at_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert at_score.totals[field] == total, field
        assert at_score.hits[field] >= hits, (field, at_score.hits[field], hits)


ROUND_41 = "every floor met (rules of round 41, models 2026-12-06.34); counts in MEASURED"
"""After round 41, which read AT's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 41 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AT after round 41, under the issue's floor: {ROUND_41}"),
)
def test_family_at_meets_the_floor(at_score: Score, field: str) -> None:
    """Seen since round 41, so a regression check of a training-side figure: ROUND_41
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(at_score.accuracy(field), field), field
