# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AR (``corpus_blind_ar.py``), written blind in a thirty-seventh hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL and AN to AQ) and read since round 40: the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says), that it is trained on only as a read family, and the reader on it on
perfect text as the product reads (the shipped classifier and field ranker), held to the
counts reached in round 40. The OCR sample is in
tests/integration/ocr/test_blind_family_ar_ocr.py; the figures are in benchmarks/OCR.md
("Family AR", and "Round 40", which read AR's misses: every figure on AR since is a
training-side figure). Two documents a class keep this module to a few seconds; the
benchmark reads four."""

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
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_ar,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ar import (
    ALL_SHAPES,
    SCANS,
    SEED,
    TEMPLATES,
    ARSample,
    ar_pages,
    ar_scanned,
    ar_text,
    build_ar,
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
           "corpus_blind_aq", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL, AN to AQ (and the
statements corpus), searched by the new-words test."""


@pytest.fixture(scope="module")
def family() -> list[ARSample]:
    return build_ar(2)


@pytest.fixture(scope="module")
def every() -> list[ARSample]:
    return build_ar(4)


@pytest.fixture(scope="module")
def texts(family: list[ARSample]) -> dict[str, str]:
    return {s.name: ar_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ARSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ar_pages(s) for s in family}


def test_every_class_has_family_ar_with_the_fields_it_yields(
    family: list[ARSample], every: list[ARSample], texts: dict[str, str]
) -> None:
    assert SEED == 4260
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AR")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(ar_text(s) for s in every)
    for words in ("Yours faithfully", "Payslip", "Hours worked", "Take-home after deductions", "Gross earned this pay period", "Pay statement",
                  "Net payment", "Total earnings", "Your current account", "Balance to next sheet", "Member statement",
                  "Closing position", "Taxable pay to date"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\b", alltext)  # fmt: skip
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2} 20\d\d \((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)", alltext)
    assert {s.style.face for s in family} == {"serifcond", "carlito", "condlight"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["Fri 4 December 2026", "4 Dec 2026 (Fri)"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "Mon 22 September 2025"
    assert ALL_SHAPES[1](dt.date(2026, 3, 1)) == "1 Mar 2026 (Sun)"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(-|\()?£?([\d,]+)\.(\d\d)\)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] else value


def _cells(sample: ARSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[ARSample]) -> None:
    """The bank's lines: each balance the one before, paid in less withdrawn; the credit
    union's: each balance the one before plus the amount (money out in brackets)."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Your current account" in ar_text(sample):
            start = next(r for r in rows if r and r[0].text == "Balance from previous sheet")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    amount = _amount(row[3].text)
                    running += -amount if abs(row[3].x - 0.66) < 0.001 else amount
                    assert _amount(row[4].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance to next sheet")
        else:
            start = next(r for r in rows if r and r[0].text == "Opening position")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d\.\d\d", row[0].text):
                    running += _amount(row[2].text)
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing position")
        assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[ARSample]) -> None:
    """The ground handler's hours at their rates come to the pay of each line and the
    lines to the gross, the deductions to their total, the gross less them to the
    take-home pay; the van plant's earnings come to their total, its deductions to theirs,
    and the difference is the net payment. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        at = {r[0].text: r for r in rows if r}
        if "Take-home after deductions" in ar_text(sample):
            pays = []
            for name in ("Basic hours", "Night premium", "Overtime x1.5"):
                _, hours, rate, pay = at[name]
                assert round(float(hours.text) * _amount(rate.text)) == _amount(pay.text), (
                    sample.name
                )
                pays.append(_amount(pay.text))
            gross = _amount(at["Gross earned this pay period"][1].text)
            cuts = [_amount(at[name][1].text) for name in ("Tax this period", "NI this period", "Workplace pension", "Airside pass and locker")]  # fmt: skip
            off = _amount(at["Total taken off"][1].text)
            net = _amount(at["Take-home after deductions"][1].text)
        else:
            earn = [_amount(at[name][1].text) for name in ("Salary", "Shift rota premium", "Attendance bonus")]  # fmt: skip
            cuts = [_amount(c.text) for r in rows for c in r if c.align == "right" and abs(c.x - 0.92) < 0.001 and len(r) in (2, 4) and r[0].text not in ("Earnings", "Total earnings") and r[-2].text in ("PAYE", "NIC", "Pension", "Social club")]  # fmt: skip
            total = at["Total earnings"]
            gross, off = _amount(total[1].text), _amount(total[3].text)
            assert sum(earn) == gross, sample.name
            pays = earn
            net = _amount(next(r for r in rows if r and r[0].text == "Net payment")[1].text)
        assert sum(pays) == gross, sample.name
        assert sum(cuts) == off, sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def _setting(sample: ARSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    for kind in ("rails", "roundel", "hub", "coils", "domino", "card"):
        if kind in kinds:
            return kind
    return ""


def _within(rows: list[list[PrintCell]], m: object, x0: float, x1: float) -> list[PrintCell]:
    first, last = m.row, m.last if m.last is not None else m.row  # type: ignore[attr-defined]
    return [c for r in rows[first : last + 1] for c in r if x0 <= c.x <= x1]


def _check_setting(sample: ARSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    money = owed if owed is not None else truth.income_pence
    marks = sample.rules[0]
    texts = [c.text for r in rows for c in r]
    if kind == "rails":
        rails = next(m for m in marks if m.kind == "rails")
        rungs = [m for m in marks if m.kind == "rung"]
        assert len(rungs) >= 4, sample.name
        for m in rungs:
            left = [c for c in rows[m.row] if c.x <= rails.x0]
            right = [c for c in rows[m.row] if c.x >= rails.x1]
            assert left, sample.name
            assert all(c.align == "right" for c in left), sample.name
            assert right, sample.name
            assert all(c.bold for c in right), sample.name
        values = [c.text for m in rungs for c in rows[m.row] if c.x >= rails.x1]
        if ref:
            assert ref in values, sample.name
    elif kind == "roundel":
        rings = [m for m in marks if m.kind == "roundel"]
        assert len(rings) >= 4, sample.name
        held = []
        for m in rings:
            cells = _within(rows, m, m.x0 - m.x1 / 2, m.x0 + m.x1 / 2)
            assert all(c.align == "centre" for c in cells), sample.name
            held += [c.text for c in cells]
        if owed is not None:
            assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name
    elif kind == "hub":
        hub = next(m for m in marks if m.kind == "hub")
        spokes = [m for m in marks if m.kind == "spoke"]
        assert len(spokes) >= 3, sample.name
        inside = [c.text for c in _within(rows, hub, 0.3, 0.7)]
        assert money is not None, sample.name
        assert pounds(money) in inside, sample.name
        for m in spokes:
            assert m.row < hub.row or m.row > (hub.last or 0), sample.name
    elif kind == "coils":
        ruled = next(m for m in marks if m.kind == "ruled")
        margin = next(m for m in marks if m.kind == "margin")
        assert (ruled.row, ruled.last) == (margin.row, margin.last), sample.name
        body = [c for r in rows[ruled.row : (ruled.last or 0) + 1] for c in r]
        assert all(c.x > margin.x0 for c in body), sample.name
        labelled = [r for r in rows if len(r) == 2 and r[0].text.endswith(":") and r[1].bold]
        assert len(labelled) >= 4, sample.name
        if ref:
            assert ref in [r[1].text for r in labelled], sample.name
    elif kind == "domino":
        tiles = [m for m in marks if m.kind == "domino"]
        assert len(tiles) >= 4, sample.name
        for m in tiles:
            mid = m.shade / 1000
            cells = _within(rows, m, m.x0, m.x1)
            assert all(
                (c.align == "right" and c.x < mid) or (c.bold and c.x > mid) for c in cells
            ), sample.name
        if owed is not None:
            assert pounds(owed) in texts, sample.name
    elif kind == "card":
        cards = [m for m in marks if m.kind == "card"]
        lines = [m for m in marks if m.kind == "line"]
        assert len(cards) >= 4, sample.name
        assert lines, sample.name
        held = [c.text for m in cards for c in _within(rows, m, m.x0, m.x1)]
        if owed is not None:
            assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[ARSample]) -> None:
    """Each ladder rung holds a right-aligned label left of the rails and a bold value
    right of them; every roundel holds centred facts; the wheel's hub holds the sum and
    its spokes lead to facts above and below it; the notepad's ruling and margin cover the
    letter and the facts are "label:" and a bold value; every domino's label stands left
    of its divider and its value right of it in bold; the cards on the line hold the
    facts."""
    seen = dict.fromkeys(("rails", "roundel", "hub", "coils", "domino", "card"), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AR's own wording as written in ``corpus_blind_ar`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ar))):
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


STATE = ("Department for Work and Pensions", "HM Courts & Tribunals Service", "Civil National Business Centre")  # fmt: skip
"""Public bodies and courts any family may name."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ar_is_in_an_earlier_family() -> None:
    """AR is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL, AN to AQ, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ar = corpus_blind_ar
    orgs = [o for o in vars(ar).values() if isinstance(o, ar.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ar.PEOPLE),
        *(street for street, _, _ in ar.ADDRESSES),
        "Gross earned this pay period", "Take-home after deductions", "Balance to next sheet", "Balance from previous sheet",
        "Opening position", "Closing position", "Luton", "Leagrave", "Limbury", "Lewsey", "Biscot", "Stopsley",
        "Round Green", "Farley Hill", "Marsh Farm", "Sundon Park", "Hockwell Ring", "Crawley Green", "Bramingham",
        "Wardown", "roundel", "notepad", "domino", "washing line", "bulldog", "scorch", "bleach",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[ARSample]) -> None:
    for sample in every:
        for text in (ar_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[ARSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: ar_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ARSample]) -> None:
    sample = family[2]
    clean = np.asarray(corpus_blind_ar._draw(sample, 0, SCANS[0].dpi).convert("L"), dtype=float)
    clipped = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert clipped.ndim == 2
    assert clipped.shape[0] >= clean.shape[0]
    top = clipped[: clipped.shape[0] // 40, :]
    assert (top < 60).mean() > 0.05  # the clip's black jaws on the top edge
    scorched = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert scorched.ndim == 3
    assert ((scorched[..., 0] - scorched[..., 2]) > 25).mean() > 0.002  # the brown scorch
    bleached = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert bleached.ndim == 2
    data, fmt, _ = ar_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    from PIL import Image

    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ar_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ar_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ar_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_bleach_spares_every_true_value_and_the_clip_keeps_to_the_top(family: list[ARSample]) -> None:  # fmt: skip
    """The rows the bleach faded hold no word of a true value; the clip's jaws stay above
    the first line and its handles in the top fifth of the page."""
    for sample in family[:12]:
        free = corpus_blind_ar._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name
    sample = family[4]
    dpi = SCANS[0].dpi
    clean = np.asarray(corpus_blind_ar._draw(sample, 0, dpi).convert("L"), dtype=float)
    marked = np.asarray(corpus_blind_ar._clip(corpus_blind_ar._draw(sample, 0, dpi), sample, 0, dpi, __import__("random").Random(5), 0.0), dtype=float)  # fmt: skip
    h = clean.shape[0]
    assert np.abs(marked[h // 5 :] - clean[h // 5 :]).mean() < 3


def digest() -> str:
    samples = build_ar(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ar_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ar") == digest()


def test_family_ar_is_trained_on_only_as_a_read_family() -> None:
    """AR is seen since round 40 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AR" in read_families.READ
    assert "corpus_blind_ar" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ar", "AR")


# -- the reader on AR (seen since round 40, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ar_score(
    family: list[ARSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 93% (28/30), original creditor 2/2, reference 30/30, "
    "balance 30/30, letter date 33/36, deadline 22/24, claim no. 4/4, payer 4/4, income 4/4, "
    "gross 2/2, frequency 4/4, served 2/2 (branch corpusar off 0bad9fef = main after round "
    "38's measurement, shipped classifier and field ranker; on 76 documents class 74/76, "
    "creditor 56/60, letter date 66/72, deadline 42/46: benchmarks/OCR.md, 'Family AR')"
)
"""The first measurement (38 documents here): every floor met."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 40 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET: frozenset[str] = frozenset()
"""The issue's floors not met at the first measurement, blind (none); since round 40
``STILL_UNMET``."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_ar_is_read_at_least_as_well_as_first_measured(ar_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + ar_score.table("family AR (seen since round 40), perfect text"))
    assert ar_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert ar_score.totals[field] == total, field
        assert ar_score.hits[field] >= hits, (field, ar_score.hits[field], hits)


ROUND_40 = "every floor met (rules of round 40, models 2026-12-06.34); counts in MEASURED"
"""After round 40, which read AR's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 40 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AR after round 40, under the issue's floor: {ROUND_40}"),
)
def test_family_ar_meets_the_floor(ar_score: Score, field: str) -> None:
    """Seen since round 40, so a regression check of a training-side figure: ROUND_40
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(ar_score.accuracy(field), field), field
