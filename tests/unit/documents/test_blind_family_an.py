# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AN (``corpus_blind_an.py``), written blind in a thirty-third hand (its
organisations and wording new to A-Z, G, E, F, I, J and AA to AL) and read since round 38:
the family itself (every class, ground truth printed, deterministic, laid out on the page,
each setting as it says), that it is trained on only as a read family, and the reader on it
on perfect text as the product reads (the shipped classifier and field ranker), held to the
counts of its first measurement. The OCR sample is in
tests/integration/ocr/test_blind_family_an_ocr.py; the figures are in benchmarks/OCR.md
("Family AN", and "Round 38", which read AN's misses: every figure on AN since is a
training-side figure). Two documents a class keep this module to a few seconds; the
benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import itertools
import random
import re
from importlib import import_module

import numpy as np
import pytest
from PIL import Image
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_an,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_an import (
    ADDRESSES,
    DATE_SHAPES,
    SCANS,
    SEED,
    TEMPLATES,
    ANSample,
    an_pages,
    an_scanned,
    an_text,
    build_an,
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
           "corpus_blind_al", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL (and the statements corpus);
searched by the new-words test (AL's was read for its conventions as the task allowed, the
others' only searched by grep, and Y's, I's and AH's only by this test)."""


@pytest.fixture(scope="module")
def family() -> list[ANSample]:
    return build_an(2)


@pytest.fixture(scope="module")
def every() -> list[ANSample]:
    return build_an(4)


@pytest.fixture(scope="module")
def texts(family: list[ANSample]) -> dict[str, str]:
    return {s.name: an_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ANSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: an_pages(s) for s in family}


def test_every_class_has_family_an_with_the_fields_it_yields(
    family: list[ANSample], every: list[ANSample], texts: dict[str, str]
) -> None:
    assert SEED == 3860
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AN")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(an_text(s) for s in every)
    for words in ("Schedule to our letter about", "Dear Account Holder", "details on this label are yours",
                  "Your named contact", "Your account in brief", "Finding us:", "Returns only:",
                  "Print form", "The shaded boxes hold the entries", "WAGES", "Net wage in this packet", "Take-home pay", "MINI STATEMENT",
                  "Balance at end of day"):  # fmt: skip
        assert words in alltext, words
    assert re.search(
        r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2}/\d{1,2}/20\d\d\b", alltext
    )
    assert re.search(r"\b[A-Z][a-z]{2}\. \d{1,2}, 20\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}-[A-Z][a-z]{2}-\d\d\b", alltext)
    assert {s.style.face for s in family} == {"caladea", "bookman", "gothic"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert all(s.turned == (1,) for s in every if len(s.pages) == 2)
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["Friday 4/12/2026", "Dec. 4, 2026", "4-Dec-26"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 22)) == "Monday 22/9/2025"
    assert DATE_SHAPES[1](dt.date(2026, 5, 3)) == "May. 3, 2026"
    assert DATE_SHAPES[2](dt.date(2026, 1, 31)) == "31-Jan-26"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"-?£?([\d,]+)\.(\d\d)-?", text)
    assert m, text
    value = int(m[1].replace(",", "")) * 100 + int(m[2])
    return -value if "-" in (text[0], text[-1]) else value


def _cells(sample: ANSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def _right(row: list[PrintCell], x: float) -> PrintCell | None:
    return next((c for c in row if c.align == "right" and abs(c.x - x) < 0.001), None)


def test_a_statement_adds_up(every: list[ANSample]) -> None:
    """The statement grouped by day: each end-of-day balance is the one before plus what
    was paid in less what was paid out. The mini statement's lines put a minus after money
    out."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if any(c.text == "MINI STATEMENT" for r in rows for c in r):
            amounts = [c.text for r in rows for c in r if c.align == "right" and re.fullmatch(r"[\d,]+\.\d\d-?", c.text)]  # fmt: skip
            assert len(amounts) == 9, sample.name
            assert any(a.endswith("-") for a in amounts), sample.name
            continue
        seen += 1
        start = next(k for k, r in enumerate(rows) if r and r[0].text.startswith("Brought forward"))
        opening = _right(rows[start], 0.92)
        assert opening is not None
        running, days = _amount(opening.text), 0
        for row in rows[start + 1 :]:
            if not row:
                continue
            if row[0].text == "Balance at end of day":
                closing = _right(row, 0.92)
                assert closing is not None, sample.name
                assert _amount(closing.text) == running, sample.name
                days += 1
            elif (out := _right(row, 0.66)) is not None and out.text != "Money out":
                running -= _amount(out.text)
            elif (paid := _right(row, 0.78)) is not None and paid.text != "Money in":
                running += _amount(paid.text)
        assert days == 5, sample.name
    assert seen == 2


def test_a_payslip_adds_up(every: list[ANSample]) -> None:
    """The wage packet's earnings come to the gross wage and its deductions to their total,
    the net wage the difference; the airport payslip's totals likewise. Both agree with the
    truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = an_text(sample)
        if "WAGES" in text:
            values = {r[0].text: _amount(r[1].text) for r in rows if len(r) == 2 and r[1].align == "right"}  # fmt: skip
            gross = values["Gross wage"]
            assert (
                values["Basic hours"] + values["Night premium"] + values["Filleting bonus"] == gross
            )
            off = sum(
                values[k] for k in ("Income tax", "National Insurance", "Pension 3%", "Canteen")
            )
            assert off == values["Total deducted"]
            net = values["Net wage in this packet"]
        else:
            pay = [_amount(c.text) for r in rows for c in r if c.align == "right" and abs(c.x - 0.45) < 0.001]  # fmt: skip
            cut = [_amount(c.text) for r in rows for c in r if c.align == "right" and abs(c.x - 0.69) < 0.001]  # fmt: skip
            *items, gross = pay
            *taken, off = cut
            assert sum(items) == gross, sample.name
            assert sum(taken) == off, sample.name
            net = next(_amount(r[1].text) for r in rows if r and r[0].text == "Take-home pay")
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def _setting(sample: ANSample) -> str:
    kinds = {m.kind for m in sample.rules[0]}
    if len(sample.pages) == 2:
        return "turned"
    for kind, mark in (("label", "sticker"), ("fillable", "field"), ("contact", "picture"), ("map", "map"), ("mailing", "omr")):  # fmt: skip
        if mark in kinds:
            return kind
    return ""


def _check_setting(sample: ANSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    first = "\n".join(c.text for r in rows for c in r)
    marks = sample.rules[0]
    if kind == "turned":
        schedule = "\n".join(c.text for r in sample.pages[1] for c in r)
        if owed is not None:
            assert pounds(owed) not in first, sample.name
            assert pounds(owed) in schedule, sample.name
        if truth.deadline_date:
            assert not any(shape(truth.deadline_date) in first for shape in DATE_SHAPES), (
                sample.name
            )
        assert (truth.court_claim_number or ref or "") in first, sample.name
    elif kind == "label":
        sticker = next(m for m in marks if m.kind == "sticker")
        inside = [c for r in rows[sticker.row : (sticker.last or 0) + 1] for c in r]
        if ref:
            assert any(c.text == ref and c.align == "right" for c in inside), sample.name
        outside = [c for r in rows[(sticker.last or 0) + 1 :] for c in r]
        assert all(isinstance(c, corpus_blind_an.Inked) for c in outside), sample.name
        if owed is not None:
            assert not any(pounds(owed) in c.text for c in outside), sample.name
    elif kind == "fillable":
        fields = [m for m in marks if m.kind == "field"]
        assert len(fields) >= 5, sample.name
        assert any(m.kind == "check" for m in marks), sample.name
        inside = {c.text for m in fields for r in rows[m.row : (m.last or 0) + 1] for c in r if c.x >= 0.42}  # fmt: skip
        assert any(street in inside for street, _, _ in ADDRESSES), sample.name
        if ref:
            assert ref in inside, sample.name
        assert "Print form" in first
        assert "Reset form" in first
    elif kind == "contact":
        assert any(m.kind == "panel" for m in marks), sample.name
        assert "Your named contact" in first
    elif kind == "map":
        mark = next(m for m in marks if m.kind == "map")
        beside = [c for r in rows[mark.row : (mark.last or 0) + 1] for c in r]
        assert beside, sample.name
        assert all(c.x < 0.5 for c in beside), sample.name
    elif kind == "mailing":
        assert any(m.kind == "code" for m in marks), sample.name
        if ref:
            row = next(r for r in rows if any(c.text == ref for c in r))
            assert next(c for c in row if c.text == ref).align == "right", sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[ANSample]) -> None:
    """The turned schedule holds the sum and the dates (the covering letter only the
    reference); the label holds every fact (the value right-aligned), the spot-coloured
    stationery none; the filled-in form's entries sit in its field boxes; the
    named contact's panel; the facts beside the map stay left of it; the mailing house's
    values are right-aligned beside the address."""
    seen = dict.fromkeys(("turned", "label", "fillable", "contact", "map", "mailing"), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 10, seen


def phrases() -> tuple[list[str], list[str]]:
    """AN's own wording as written in ``corpus_blind_an`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_an))):
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


STATE = ("Department for Work and Pensions", "Social Security Scotland", "The Highland Council")
"""Public bodies every family may name (the first two named by earlier modules; the Highland
Council is named by no earlier module, but it is a real council, not AN's invention)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_an_is_in_an_earlier_family() -> None:
    """AN is written in new words: none of its organisations (but the state's), people,
    streets, settings' words or titles appears in the modules of A-Z, G, E, F, I, J and AA
    to AL, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    an = corpus_blind_an
    orgs = [o for o in vars(an).values() if isinstance(o, an.Org)]
    orgs += [o for v in vars(an).values() if isinstance(v, tuple) for o in v if isinstance(o, an.Org)]  # fmt: skip
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in an.PEOPLE),
        *(street for street, _, _ in an.ADDRESSES),
        "Schedule to our letter about", "Dear Account Holder", "details on this label are yours",
        "Your named contact", "Your account in brief", "Finding us:", "Returns only:",
        "The shaded boxes hold the entries", "The person this form is about",
        "Net wage in this packet", "Filleting bonus", "Night premium",
        "Mini statement", "Balance at end of day", "Child Disability Payment", "Stornoway",
        "Hebridean", "Benbecula", "Castlebay", "Lochmaddy",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 15 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[ANSample]) -> None:
    for sample in every:
        for text in (an_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[ANSample]) -> None:
    """Every word inside its page's margins (3%; a turned page's landscape ones), and no
    two words of a line touching."""
    for sample in every:
        for page in an_pages(sample):
            width, height = page.size
            lines: dict[int, list[tuple[int, int]]] = {}
            for word in page.words:
                box = word.box
                assert width * 0.03 < box.left, (sample.name, word.text)
                assert box.left + box.width < width * 0.97, (sample.name, word.text)
                assert box.top + box.height < height * 0.97, (sample.name, word.text)
                lines.setdefault(box.top, []).append((box.left, box.left + box.width))
            for spans in lines.values():
                spans.sort()
                for (_, end), (start, _) in itertools.pairwise(spans):
                    assert end < start, sample.name


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ANSample]) -> None:
    sample = next(s for s in family if len(s.pages) == 1)
    clean = np.asarray(corpus_blind_an._draw(sample, 0, SCANS[0].dpi).convert("L"), dtype=float)
    fax = render(sample, 0, SCANS[0], seed=3)
    assert fax.mode == "1"
    rows = np.asarray(fax.convert("L"), dtype=float)
    body = rows[rows.shape[0] // 10 :]
    doubled = body[0 : (body.shape[0] // 2) * 2 : 2] == body[1 : (body.shape[0] // 2) * 2 : 2]
    assert doubled.mean() > 0.97  # most lines printed twice
    assert set(np.unique(rows)) <= {0.0, 255.0}
    assert clean.shape[0] < rows.shape[0] + 30
    plain_page = np.asarray(corpus_blind_an._draw(sample, 0, SCANS[1].dpi), dtype=float)
    pleat = np.asarray(corpus_blind_an._pleat(Image.fromarray(plain_page.astype(np.uint8)), random.Random(3), 0.0), dtype=float)  # fmt: skip
    assert pleat.shape == plain_page.shape
    white = (pleat == 255).all(axis=2) & ~(plain_page == 255).all(axis=2)
    assert white.sum() >= 2 * pleat.shape[1]  # the fold's white line, right across
    top = int(np.where(white)[0].min())
    assert (pleat[:top] == plain_page[:top]).all()  # above the fold untouched
    assert (
        np.abs(pleat[-3:] - np.asarray(corpus_blind_an.PAPER)) < 1
    ).all()  # drawn up: paper at the foot
    under = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert under.ndim == 3
    assert under[under.shape[0] // 2, : under.shape[1] // 200].mean() < 120  # the table
    turned = next(s for s in family if len(s.pages) == 2)
    upright = corpus_blind_an._draw(turned, 1, 100)
    assert upright.size[0] > upright.size[1]  # drawn landscape
    scanned = render(turned, 1, SCANS[1], seed=3)
    assert scanned.size[1] > scanned.size[0]  # then turned on to the portrait sheet
    one = [s for s in family if len(s.pages) == 1]
    data, fmt, _ = an_scanned(one[2], 0)
    assert (fmt, data[:2]) == ("tiff", b"II")
    assert Image.open(io.BytesIO(data)).info.get("compression") == "group3"
    data, fmt, _ = an_scanned(one[2], 1)
    assert fmt == "png"
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = an_scanned(one[2], 4)
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = an_scanned(one[2], 2)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    data, fmt, _ = an_scanned(turned, 0)
    assert (fmt, data[:4]) == ("pdf", b"%PDF")


def digest() -> str:
    samples = build_an(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{an_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_an") == digest()


def test_family_an_is_trained_on_only_as_a_read_family() -> None:
    """AN is seen since round 38 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AN" in read_families.READ
    assert "corpus_blind_an" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_an", "AN")


# -- the reader on AN (seen since round 38, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def an_score(
    family: list[ANSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 92% (35/38), creditor 83% (25/30), original creditor 0/2, reference 97% (29/30), "
    "balance 30/30, letter date 36/36, deadline 24/24, claim no. 0/4, payer 4/4, income 3/4, "
    "gross 2/2, frequency 4/4, served 2/2 (branch corpusan off bf89ba7c = main's round-36 "
    "reader, shipped classifier and field ranker; on 76 documents class 69/76, creditor "
    "50/60, original creditor 0/4, reference 58/60, claim no. 0/8, income 6/8: "
    "benchmarks/OCR.md, 'Family AN')"
)
"""The first measurement (38 documents here): every floor met but the class, the creditor,
the original creditor, the claim number and the income."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (35, 38), "creditor_name": (25, 30), "original_creditor": (0, 2),
    "account_reference": (29, 30), "balance_pence": (30, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (0, 4), "payer_name": (4, 4),
    "income_pence": (3, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
UNMET = frozenset(
    {"document_class", "creditor_name", "original_creditor", "court_claim_number", "income_pence"}
)
"""The issue's floors not met at the first measurement, blind (strict xfails until round
38; since, only those still unmet: ``STILL_UNMET``)."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_an_is_read_at_least_as_well_as_first_measured(an_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + an_score.table("family AN (seen since round 38), perfect text"))
    assert an_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert an_score.totals[field] == total, field
        assert an_score.hits[field] >= hits, (field, an_score.hits[field], hits)


ROUND_38 = (
    "every floor met; on the benchmark's 76 documents every field 100% as shipped (class "
    "76/76, creditor 60/60, claim no. 8/8, original creditor 4/4, income 8/8 ...): rules of"
    " round 38, models 2026-12-06.34"
)
"""After round 38, which read AN's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 38 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AN after round 38, under the issue's floor: {ROUND_38}"),
)
def test_family_an_meets_the_floor(an_score: Score, field: str) -> None:
    """Seen since round 38, so a regression check of a training-side figure: ROUND_38
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(an_score.accuracy(field), field), field
