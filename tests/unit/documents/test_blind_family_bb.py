# ruff: noqa: E501  (the checks read better unwrapped)
"""Family BB (``corpus_blind_bb.py``), written blind in a new hand (Solihull under the law
of England and Wales; its organisations and wording new to the earlier families; its six
settings from a hospital and a health centre) and read since round 45: the family itself
(every class, ground truth printed, deterministic, laid out on the page, each setting as it
says), that it is trained on only as a read family, and the reader on it on perfect text as
the product reads (the shipped classifier and field ranker), held to the counts reached in
round 45. The OCR sample is in tests/integration/ocr/test_blind_family_bb_ocr.py; the
figures are in benchmarks/OCR.md ("Family BB", and "Round 45", which read BB's misses: every
figure on BB since is a training-side figure). Two documents a class keep this module to a
few seconds; the benchmark reads four."""

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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_bb, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_bb import (
    ALL_SHAPES,
    BOXES,
    CARDS,
    SCANS,
    SEED,
    TEMPLATES,
    BBSample,
    bb_pages,
    bb_scanned,
    bb_text,
    build_bb,
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
           "corpus_blind_ay", "corpus_blind_az", "corpus_blind_ba", "statements_corpus")  # fmt: skip
"""Every earlier family's module (and the statements corpus), searched by the new-words
test."""


@pytest.fixture(scope="module")
def family() -> list[BBSample]:
    return build_bb(2)


@pytest.fixture(scope="module")
def every() -> list[BBSample]:
    return build_bb(4)


@pytest.fixture(scope="module")
def texts(family: list[BBSample]) -> dict[str, str]:
    return {s.name: bb_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[BBSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: bb_pages(s) for s in family}


def test_every_class_has_family_bb_with_the_fields_it_yields(
    family: list[BBSample], every: list[BBSample], texts: dict[str, str]
) -> None:
    assert SEED == 5260
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":BB")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(bb_text(s) for s in every)
    for words in ("With kind regards,", "Statement of earnings", "Unsocial hours supplement", "Wages to your account", "Salary slip",
                  "Qualification allowance", "Transferred to your bank", "Classic current account", "Paid out", "Paid in",
                  "Closing balance", "Members' savings statement", "Savings at the start", "Savings at the finish"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]{2} 20\d\d\b", alltext)
    assert re.search(r"\b\d\d [A-Z]{3} 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"libsans", "opensans", "libserif"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8
    assert all(s.truth.letter_date.weekday() < 5 for s in every if s.truth.letter_date)


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4th Dec 2026", "04 DEC 2026"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22nd Sep 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 11)) == "11th Sep 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 1)) == "1st Sep 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 23)) == "23rd Sep 2025"
    assert ALL_SHAPES[1](dt.date(2026, 3, 2)) == "02 MAR 2026"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _cells(sample: BBSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[BBSample]) -> None:
    """The bank's lines: each balance the one before, paid in less paid out; the credit
    union's: each savings balance the one before plus the signed sum."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Paid out" in bb_text(sample):
            start = next(r for r in rows if r and r[0].text == "Opening balance")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d[A-Z]{3}", row[0].text):
                    amount = amount_pence(row[2].text)
                    running += -amount if abs(row[2].x - 0.62) < 0.001 else amount
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
        else:
            start = next(r for r in rows if r and r[0].text == "Savings at the start")
            running = amount_pence(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d\.\d\d", row[0].text):
                    running += amount_pence(row[2].text)
                    assert amount_pence(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Savings at the finish")
        assert amount_pence(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[BBSample]) -> None:
    """The caterer's pay elements come to the earnings before deductions, its deductions
    to "Taken off in all", the difference the net wages; the nursery's "+" lines to the
    gross for the period, its "-" lines to the total less, the difference transferred to
    the bank. Both agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        money = [(r[0].text, amount_pence(r[-1].text)) for r in rows if r and r[-1].align == "right" and re.fullmatch(r"-?[\d,]+\.\d\d", r[-1].text)]  # fmt: skip
        if "Wages to your account" in bb_text(sample):
            head = next(k for k, r in enumerate(rows) if r and r[0].text == "Pay elements")
            mid = next(k for k, r in enumerate(rows) if r and r[0].text == "Earnings before deductions")  # fmt: skip
            low = next(k for k, r in enumerate(rows) if r and r[0].text == "Taken off")
            foot = next(k for k, r in enumerate(rows) if r and r[0].text == "Taken off in all")
            pays = sum(amount_pence(r[-1].text) for r in rows[head + 1 : mid])
            cuts = sum(amount_pence(r[-1].text) for r in rows[low + 1 : foot])
            gross, off = amount_pence(rows[mid][-1].text), amount_pence(rows[foot][-1].text)
            net = dict(money)["Wages to your account"]
        else:
            pays = sum(amount for what, amount in money if what == "+")
            cuts = sum(amount for what, amount in money if what == "-")
            gross, off = dict(money)["Gross for the period"], dict(money)["Less in total"]
            net = dict(money)["Transferred to your bank"]
        assert (pays, cuts) == (gross, off), sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


SETTINGS = {"band": "wristbands", "card": "appointments", "box": "prescription", "dose": "pillbox", "xray": "lightbox", "eyechart": "eyechart"}  # fmt: skip


def _setting(sample: BBSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    return next((name for kind, name in SETTINGS.items() if kind in kinds), "")


def _label_over_value(cells: list[PrintCell], name: str) -> None:
    assert cells, name
    assert cells[0].size < 8, name
    assert not cells[0].bold, name
    assert cells[-1].bold, name


def _check_setting(sample: BBSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    ref = truth.court_claim_number or ref
    money = pounds(owed if owed is not None else truth.income_pence or 0)
    marks = sample.rules[0]
    held: list[str] = []
    name = sample.name
    if kind == "wristbands":
        bands = [m for m in marks if m.kind == "band"]
        inserts = [m for m in marks if m.kind == "insert"]
        assert len(bands) == len(inserts) >= 4, name
        assert all(a.shade != b.shade for a, b in itertools.pairwise(bands)), name
        for band, insert in zip(bands, inserts, strict=True):
            assert (band.row, band.last) == (insert.row, insert.last), name
            assert band.x0 < insert.x0 < insert.x1 < band.x1, name
            cells = cells_within(rows, band.row, band.last or band.row, insert.x0, insert.x1)
            labels = [c for c in cells if c.x < 0.43]
            values = [c for c in cells if c.x >= 0.43]
            assert labels, name
            assert values, name
            assert all(c.size < 8 and not c.bold for c in labels), name
            assert all(c.bold for c in values), name
            held += [c.text for c in cells]
    elif kind == "appointments":
        cards = [m for m in marks if m.kind == "card"]
        assert len(cards) >= 4, name
        assert {(m.x0, m.x1) for m in cards} == set(CARDS), name
        for m in cards:
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "prescription":
        form = next(m for m in marks if m.kind == "form")
        boxes = [m for m in marks if m.kind == "box"]
        assert len(boxes) >= 4, name
        assert {(m.x0, m.x1) for m in boxes} <= set(BOXES), name
        assert len({m.x0 for m in boxes}) == 3, name  # three a row
        for m in boxes:
            assert form.row < m.row, name
            assert (m.last or 0) <= (form.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "pillbox":
        case = next(m for m in marks if m.kind == "organiser")
        doses = [m for m in marks if m.kind == "dose"]
        assert len(doses) >= 4, name
        assert all(a.shade != b.shade for a, b in itertools.pairwise(doses)), name
        for m in doses:
            assert case.row <= m.row, name
            assert (m.last or 0) <= (case.last or 0), name
            cells = cells_within(rows, m.row, m.last or m.row, m.x0, m.x1)
            assert all(c.x >= m.x0 + 0.07 for c in cells), name  # right of the lid
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "lightbox":
        panel = next(m for m in marks if m.kind == "lightbox")
        films = [m for m in marks if m.kind == "xray"]
        stickers = [m for m in marks if m.kind == "sticker"]
        assert len(films) == len(stickers) >= 4, name
        for film, sticker in zip(films, stickers, strict=True):
            assert panel.row < film.row, name
            assert (film.last or 0) <= (panel.last or 0), name
            assert film.x0 < sticker.x0 < sticker.x1 < film.x1, name
            assert film.row < sticker.row <= (sticker.last or 0) < (film.last or 0), name
            cells = cells_within(rows, film.row, film.last or film.row, film.x0, film.x1)
            assert cells == cells_within(rows, sticker.row, sticker.last or 0, sticker.x0, sticker.x1), name  # fmt: skip
            _label_over_value(cells, name)
            held += [c.text for c in cells]
    elif kind == "eyechart":
        chart = next(m for m in marks if m.kind == "eyechart")
        letter = next(m for m in marks if m.kind == "letter")
        assert chart.row < letter.row, name
        cells = cells_within(rows, (letter.last or 0) + 1, chart.last or 0, 0.0, 1.0)
        assert len(cells) >= 8, name
        assert all(c.align == "centre" and abs(c.x - 0.5) < 0.001 for c in cells), name
        sizes = [c.size for c in cells if c.bold]
        assert sizes == sorted(sizes, reverse=True), name  # the values smaller line by line
        assert sizes[0] > sizes[-1], name
        held += [c.text for c in cells]
    if truth.document_class is not C.OTHER:
        assert money in held, name
        if ref:
            assert ref in held, name


def test_each_setting_puts_its_facts_where_it_says(every: list[BBSample]) -> None:
    """Each wristband's insert a small label and a bold value beside it, the bands'
    colours changing; the appointment cards two a row, each a label over a value; the
    prescription form's boxes three a row inside the form; the pill organiser's
    compartments in its case, each right of its lid; each film on the light box with its
    sticker, and every word on the sticker; the eye chart's lines centred under its E, the
    values smaller line by line. Every setting holds the sum and the reference."""
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
    """BB's own wording as written in ``corpus_blind_bb`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_bb))):
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
    # the titles set in a tuple (org, ref, title) by the pay-later and catalogue branches
    titles += ["Cheswick Pay: we could not take your instalments", "Malvern Park: your account has fallen behind"]  # fmt: skip
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Courts and Tribunals Service", "County Court Business Centre",
         "County Court at Birmingham", "Solihull Metropolitan Borough Council")  # fmt: skip
"""Public bodies and courts any family may name (the council and the Birmingham court are
new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


SHARED_LABELS = 0
"""Labels of two words or more of BB's (104) found in an earlier module: none, once the 55
that a first draft shared were reworded before any measuring."""


def test_no_organisation_person_or_title_of_bb_is_in_an_earlier_family() -> None:
    """BB is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of the
    earlier families, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    mod = corpus_blind_bb
    orgs = [o for o in vars(mod).values() if isinstance(o, mod.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in mod.PEOPLE),
        *(street for street, _, _ in mod.ADDRESSES),
        "Unsocial hours supplement", "Qualification allowance", "Savings at the start", "Wages to your account",
        "Solihull", "Shirley", "Dorridge", "Chelmsley Wood", "Kingshurst", "Castle Bromwich", "Marston Green",
        "Hockley Heath", "Fordbridge", "Smith's Wood", "Bickenhill", "Catherine-de-Barnes", "Cheswick Green",
        "Streetsbrook", "Widney", "Lode Lane", "Touchwood", "Blythe Valley", "Sharmans Cross", "Tudor Grange",
        "Malvern Park", "Hatchford", "Elmdon", "County Court at Birmingham", "Birmingham Magistrates",
        "wristband", "appointment card", "prescription", "pill organiser", "light box", "eye chart",
        "iodine", "surgical tape", "sanitiser",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= SHARED_LABELS, shared


def test_every_true_value_is_printed_on_the_document(every: list[BBSample]) -> None:
    for sample in every:
        for text in (bb_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[BBSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: bb_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[BBSample]) -> None:
    from PIL import Image

    sample = family[2]
    clean = np.asarray(corpus_blind_bb._draw(sample, 0, SCANS[0].dpi), dtype=float)
    splashed = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert splashed.ndim == 3
    assert splashed.shape[0] >= clean.shape[0]
    orange = splashed[..., 0] - splashed[..., 2]
    assert orange.max() > 40  # iodine: red well above blue somewhere
    taped = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert taped.ndim == 3
    gel = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert gel.ndim == 2
    data, fmt, _ = bb_scanned(sample, 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(data)).info.get("dpi") is not None
    data, fmt, _ = bb_scanned(sample, 4)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bb_scanned(sample, 1)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = bb_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_tape_crosses_only_a_line_with_no_true_value(family: list[BBSample]) -> None:
    """The rows the tape may cover in the page's body hold no word of a true value."""
    for sample in family[:12]:
        free = corpus_blind_bb._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name


def digest() -> str:
    samples = build_bb(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{bb_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_bb") == digest()


def test_family_bb_is_trained_on_only_as_a_read_family() -> None:
    """BB is seen since round 45 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "BB" in read_families.READ
    assert "corpus_blind_bb" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_bb", "BB")


# -- the reader on BB (measured blind, then read in round 45: benchmarks/OCR.md) -----------------


@pytest.fixture(scope="module")
def bb_score(
    family: list[BBSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 25/30, original creditor 2/2, reference 30/30, balance "
    "29/30, letter date 34/36, deadline 23/24, claim no. 4/4, payer 4/4, income 4/4, gross "
    "2/2, frequency 4/4, served 2/2 (branch corpusbb off f5404347 = main after round 43's "
    "merges, shipped classifier and field ranker; on 76 documents class 74/76, creditor "
    "50/60, reference 60/60, balance 58/60, letter date 68/72: benchmarks/OCR.md, 'Family BB')"
)
"""The first measurement (38 documents here): every floor met but the creditor's."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 45 (training-side): the floors below. The
first measurement (``FIRST``), raised where round 44 read more, blind (``ROUND_44``:
creditor 25 -> 28, balance 29 -> 30, letter date 34 -> 35, deadline 23 -> 24), and where
round 45, which read BB's misses, reads more (``ROUND_45``: class 37 -> 38, creditor 28 ->
30, letter date 35 -> 36)."""
UNMET = frozenset({"creditor_name"})
"""The issue's floors not met at the first measurement (strict xfails until round 44)."""
ROUND_44 = (
    "class 37/38, creditor 28/30, balance 30/30, letter date 35/36, deadline 24/24, every "
    "other field as first measured (main after round 44's merge, rules of rounds 33-44, "
    "models 2026-12-06.34; on 76 documents creditor 56/60, balance 60/60, letter date 70/72, "
    "deadline 46/46: benchmarks/OCR.md, 'Round 44 measured blind')"
)
"""After round 44, which read AZ and BA and never BB: BB's creditor meets the floor on
perfect text (still blind: BB was neither shown to round 44 nor read)."""
ROUND_45 = (
    "every field 100%: class 38/38, creditor 30/30, letter date 36/36 (rules of round 45, "
    "models 2026-12-06.34; on 76 documents every field 100% as shipped: benchmarks/OCR.md, "
    "'Round 45')"
)
"""After round 45, which read BB's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors not met after round 45 (strict xfails): none on perfect text."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_bb_is_read_at_least_as_well_as_first_measured(bb_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + bb_score.table("family BB (seen since round 45), perfect text"))
    assert bb_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert bb_score.totals[field] == total, field
        assert bb_score.hits[field] >= hits, (field, bb_score.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"BB after round 45, under the issue's floor: {ROUND_45}"),
)
def test_family_bb_meets_the_floor(bb_score: Score, field: str) -> None:
    """Seen since round 45, so a regression check of a training-side figure: ROUND_45
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(bb_score.accuracy(field), field), field
