# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AS (``corpus_blind_as.py``), written blind in a thirty-eighth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL, AN, AO, AP and AQ) and read since round 40: the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says), that it is trained on only as a read family, and the reader on it on
perfect text as the product reads (the shipped classifier and field ranker), held to the
counts reached in round 40. The OCR sample is in
tests/integration/ocr/test_blind_family_as_ocr.py; the figures are in benchmarks/OCR.md
("Family AS", and "Round 40", which read AS's misses: every figure on AS since is a
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
    corpus_blind_as,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_as import (
    ALL_SHAPES,
    RAILS,
    SCANS,
    SEED,
    TEMPLATES,
    ASSample,
    as_pages,
    as_scanned,
    as_text,
    build_as,
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
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL, AN, AO, AP and AQ (and the
statements corpus), searched by the new-words test (AR, written at the same time, is not
in this tree)."""


@pytest.fixture(scope="module")
def family() -> list[ASSample]:
    return build_as(2)


@pytest.fixture(scope="module")
def every() -> list[ASSample]:
    return build_as(4)


@pytest.fixture(scope="module")
def texts(family: list[ASSample]) -> dict[str, str]:
    return {s.name: as_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ASSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: as_pages(s) for s in family}


def test_every_class_has_family_as_with_the_fields_it_yields(
    family: list[ASSample], every: list[ASSample], texts: dict[str, str]
) -> None:
    assert SEED == 4360
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AS")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(as_text(s) for s in every)
    for words in ("Yours faithfully", "Wages slip", "Linking bonus", "Net wages", "Pay statement", "Earned", "Stopped",
                  "Balance paid to your bank", "Current account", "Withdrawn", "Lodged", "Closing balance",
                  "Statement of account", "Brought forward", "Carried forward"):  # fmt: skip
        assert words in alltext, words
    months = "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    assert re.search(rf"\b\d\d ({months}) \d\d\b", alltext)
    assert re.search(r"\b(MON|TUE|WED|THU|FRI) \d{1,2} [A-Z]{3} 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"serifcond", "libserif", "condlight"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date and s.truth.document_class not in (C.PAYSLIP,))  # fmt: skip


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["04 DECEMBER 26", "FRI 4 DEC 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22 SEPTEMBER 25"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "MON 2 MAR 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(-)?£?([\d,]+)\.(\d\d)( Dr| Cr)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] or m[4] == " Dr" else value


def _cells(sample: ASSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[ASSample]) -> None:
    """The bank's lines: each balance the one before, lodged less withdrawn; the savings
    bank's: each balance the one before plus a "Cr" amount or less a "Dr" one."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Lodged" in as_text(sample):
            start = next(r for r in rows if r and r[0].text == "Opening balance")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
        else:
            start = next(r for r in rows if r and r[0].text == "Brought forward")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    running += _amount(row[2].text)
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Carried forward")
        assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[ASSample]) -> None:
    """The mill's payments come to the gross wages, its deductions to their total, the
    difference the net wages; the farm's "Earned" column to the gross, "Stopped" to its
    total and the balance paid the difference. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        if "Wages slip" in as_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Payments")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Gross wages")
            pays = cuts = 0
            for row in rows[head + 1 : foot]:
                for c in row:
                    if c.align == "right":
                        if abs(c.x - 0.46) < 0.001:
                            pays += _amount(c.text)
                        else:
                            cuts += _amount(c.text)
            gross, off = _amount(rows[foot][1].text), _amount(rows[foot][3].text)
            net = _amount(next(r for r in rows if r and r[0].text == "Net wages")[1].text)
        else:
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Item")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Totals")
            pays = sum(_amount(c.text) for r in rows[head + 1 : foot] for c in r if abs(c.x - 0.7) < 0.001)  # fmt: skip
            cuts = sum(_amount(c.text) for r in rows[head + 1 : foot] for c in r if abs(c.x - 0.88) < 0.001)  # fmt: skip
            gross, off = _amount(rows[foot][1].text), _amount(rows[foot][2].text)
            net = _amount(next(r for r in rows if r and r[0].text == "Balance paid to your bank")[1].text)  # fmt: skip
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"plate": "fingerpost", "rails": "ladder", "tag": "luggage", "domino": "dominoes", "plaque": "plaque", "cork": "noticeboard"}  # fmt: skip


def _setting(sample: ASSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _check_setting(sample: ASSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    if kind == "fingerpost":
        plates = [m for m in marks if m.kind == "plate"]
        assert len(plates) >= 4, sample.name
        assert {m.shade for m in plates} == {0, 1}, sample.name
        post = next(m for m in marks if m.kind == "post")
        assert all(post.row <= m.row and (m.last or 0) <= (post.last or 0) for m in plates)
        for m in plates:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert cells, sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
        beside = [c for m in plates for c in cells_within(rows, m.row, m.last or m.row, 0.0, 0.55)]
        assert all(c.x == 0.08 for c in beside), sample.name
    elif kind == "ladder":
        rungs = sorted(m.row for m in marks if m.kind == "rung")
        rails = next(m for m in marks if m.kind == "rails")
        assert (rails.x0, rails.x1) == RAILS
        assert len(rungs) >= 5, sample.name
        for a, b in itertools.pairwise(rungs):
            cells = cells_within(rows, a, b - 1, 0.0, 1.0)
            assert cells, sample.name
            assert all(c.align == "centre" for c in cells), sample.name
            assert cells[0].size < 8, sample.name
            assert cells[-1].bold, sample.name
            held += [c.text for c in cells]
    elif kind == "luggage":
        tag = next(m for m in marks if m.kind == "tag")
        cells = cells_within(rows, tag.row, tag.last or tag.row, 0.0, 1.0)
        assert all(tag.x0 + 0.1 < c.x < tag.x1 for c in cells), sample.name
        assert {c.bold for c in cells if c.x > 0.48} == {True}, sample.name
        held += [c.text for c in cells]
    elif kind == "dominoes":
        tiles = [m for m in marks if m.kind == "domino"]
        assert len(tiles) >= 4, sample.name
        for m in tiles:
            bar = m.x0 + (m.x1 - m.x0) * m.shade / 1000
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(not c.bold for c in cells if c.x < bar), sample.name
            assert all(c.bold for c in cells if c.x > bar), sample.name
            held += [c.text for c in cells]
    elif kind == "plaque":
        plaque = next(m for m in marks if m.kind == "plaque")
        cells = cells_within(rows, plaque.row, plaque.last or plaque.row, 0.0, 1.0)
        assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), sample.name
        held += [c.text for c in cells]
    elif kind == "noticeboard":
        board = next(m for m in marks if m.kind == "cork")
        cards = [m for m in marks if m.kind == "card"]
        assert len(cards) >= 4, sample.name
        for m in cards:
            assert board.row <= m.row, sample.name
            assert (m.last or 0) <= (board.last or 0), sample.name
            held += [c.text for c in cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)]
    if truth.document_class is not C.OTHER:
        assert money in held, sample.name
        if ref:
            assert ref in held, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[ASSample]) -> None:
    """The plates hang off the post pointing both ways, labels small over bold values, the
    prose beside them; between every two rungs a fact centred; the luggage label holds the
    facts, labels at the left and bold values beside; each domino's label left of its bar
    and value right of it; the plaque's lines centred; the cards on the board. Every
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
    """AS's own wording as written in ``corpus_blind_as`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_as))):
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


STATE = ("Department for Work and Pensions", "Scottish Courts and Tribunals Service", "Social Security Scotland",
         "Jedburgh Sheriff Court", "Selkirk Sheriff Court", "Scottish Borders Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the two courts are new:
checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_as_is_in_an_earlier_family() -> None:
    """AS is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL and AN to AQ, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_as
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Linking bonus", "Balance paid to your bank", "Lambing overtime", "Dog allowance", "Tied house offset",
        "Hawick", "Galashiels", "Kelso", "Peebles", "Jedburgh", "Selkirk", "Melrose", "Earlston", "Denholm",
        "Scottish Borders", "fingerpost", "signpost", "ladder", "luggage", "domino", "plaque", "noticeboard",
        "scorch", "colour fringing", "ruler",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[ASSample]) -> None:
    for sample in every:
        for text in (as_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[ASSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: as_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ASSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_as._draw(sample, 0, SCANS[0].dpi), dtype=float)
    scorched = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert scorched.ndim == 3
    assert scorched.shape[0] >= clean.shape[0]
    browner = scorched[..., 0] - scorched[..., 2]
    assert browner.max() > 40  # the scorch is brown: red well above blue somewhere
    photo = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    assert np.abs(photo[..., 0] - photo[..., 2]).max() > 60  # coloured fringes on strokes
    ruled = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert ruled.ndim == 2
    data, fmt, _ = as_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = as_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = as_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    assert not Image.open(io.BytesIO(data)).info.get("progressive")
    data, fmt, _ = as_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_ruler_lies_over_a_line_with_no_true_value(family: list[ASSample]) -> None:
    """The rows the ruler may cover hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_as._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_as(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{as_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_as") == digest()


def test_family_as_is_trained_on_only_as_a_read_family() -> None:
    """AS is seen since round 40 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AS" in read_families.READ
    assert "corpus_blind_as" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_as", "AS")


# -- the reader on AS (seen since round 40, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def as_score(
    family: list[ASSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 28/30, original creditor 2/2, reference 30/30, balance "
    "30/30, letter date 32/36, deadline 21/24, claim no. 0/4, payer 3/4, income 3/4, gross "
    "1/2, frequency 3/4, served 2/2 (branch corpusas off 0bad9fef = main after round 38's "
    "merges, shipped classifier and field ranker; on 76 documents class 74/76, letter date "
    "65/72, deadline 40/46, claim no. 0/8, payer 7/8, income 7/8, gross 2/4, frequency 6/8: "
    "benchmarks/OCR.md, 'Family AS')"
)
"""The first measurement (38 documents here): every floor met but the letter date, the
deadline, the claim number and the payslips' and benefits' fields."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 40 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"court_claim_number", "payer_name", "income_pence", "gross_pence",
                   "frequency"})  # fmt: skip
"""The issue's floors not met at the first measurement, blind (strict xfails until round
40; the letter date and the deadline too at the first measurement, met since round 39 by
AP's and AQ's kinds; since round 40, only those still unmet: ``STILL_UNMET``)."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_as_is_read_at_least_as_well_as_first_measured(as_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + as_score.table("family AS (seen since round 40), perfect text"))
    assert as_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert as_score.totals[field] == total, field
        assert as_score.hits[field] >= hits, (field, as_score.hits[field], hits)


ROUND_40 = "every floor met (rules of round 40, models 2026-12-06.34); counts in MEASURED"
"""After round 40, which read AS's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 40 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AS after round 40, under the issue's floor: {ROUND_40}"),
)
def test_family_as_meets_the_floor(as_score: Score, field: str) -> None:
    """Seen since round 40, so a regression check of a training-side figure: ROUND_40
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(as_score.accuracy(field), field), field
