# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AO (``corpus_blind_ao.py``), written blind in a thirty-fourth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL and AN) and read since round
38: the family itself (every class, ground truth printed, deterministic, laid out on the
page, each setting as it says), that it is trained on only as a read family, and the reader
on it on perfect text as the product reads (the shipped classifier and field ranker), held
to the counts of its first measurement. The OCR sample is in
tests/integration/ocr/test_blind_family_ao_ocr.py; the figures are in benchmarks/OCR.md
("Family AO", and "Round 38", which read AO's misses: every figure on AO since is a
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
    corpus_blind_ao,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ao import (
    DATE_SHAPES,
    SCANS,
    SEED,
    TEMPLATES,
    AOSample,
    ao_pages,
    ao_scanned,
    ao_text,
    build_ao,
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
           "corpus_blind_al", "corpus_blind_an", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL and AN (and the statements
corpus); searched by the new-words test (AN's was read for its conventions as the task
allowed, the others' only searched by grep, and Y's, I's and AH's only by this test)."""


@pytest.fixture(scope="module")
def family() -> list[AOSample]:
    return build_ao(2)


@pytest.fixture(scope="module")
def every() -> list[AOSample]:
    return build_ao(4)


@pytest.fixture(scope="module")
def texts(family: list[AOSample]) -> dict[str, str]:
    return {s.name: ao_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AOSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ao_pages(s) for s in family}


def test_every_class_has_family_ao_with_the_fields_it_yields(
    family: list[AOSample], every: list[AOSample], texts: dict[str, str]
) -> None:
    assert SEED == 3960
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AO")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(ao_text(s) for s in every)
    for words in ("BETWEEN", "Plaintiff", "Defendant", "Endorsed", "With our compliments", "Your choices from here",
                  "The position today", "Coupon 1 of 3", "Cut along the dotted lines", "PAY ADVICE", "NET PAY",
                  "Net pay paid to bank", "Share account", "Loan account", "BALANCE FORWARD"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2} 20\d\d\b", alltext)  # fmt: skip
    assert re.search(r"\b[A-Z][a-z]{2} \d\d, 20\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}/\d{1,2}/20\d\d \((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)", alltext)
    assert {s.style.face for s in family} == {"condensed", "palatino", "narrow"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["December 4 2026", "Dec 04, 2026", "4/12/2026 (Fri)"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 22)) == "September 22 2025"
    assert DATE_SHAPES[1](dt.date(2026, 5, 3)) == "May 03, 2026"
    assert DATE_SHAPES[2](dt.date(2026, 1, 31)) == "31/1/2026 (Sat)"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"£?([\d,]+)\.(\d\d)( -| OD)?", text)
    assert m, text
    value = int(m[1].replace(",", "")) * 100 + int(m[2])
    return -value if m[3] else value


def _cells(sample: AOSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def _right(row: list[PrintCell], x: float) -> PrintCell | None:
    return next((c for c in row if c.align == "right" and abs(c.x - x) < 0.001), None)


def test_a_statement_adds_up(every: list[AOSample]) -> None:
    """The credit union's ledgers: each balance the one before plus the movement, the
    closing balance the last; the bank's: each balance the one before less money out plus
    money in (OD for overdrawn)."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        running: int | None = None
        active = False
        for row in rows:
            if row and row[0].text == "Date":
                active = True
                continue
            balance_cell = _right(row, 0.92) if row else None
            if not active or balance_cell is None:
                continue
            if row[0].text in ("Opening balance", "BALANCE FORWARD"):
                running = _amount(balance_cell.text)
                continue
            assert running is not None, sample.name
            if row[0].text == "Closing balance":
                assert _amount(balance_cell.text) == running, sample.name
                seen += 1
                active = False
                continue
            out, paid_in = _right(row, 0.66), _right(row, 0.79)
            moved = _right(row, 0.72)
            if moved is not None:
                running += _amount(moved.text)
            elif out is not None:
                running -= _amount(out.text)
            else:
                assert paid_in is not None, sample.name
                running += _amount(paid_in.text)
            assert _amount(balance_cell.text) == running, sample.name
    assert seen == 4  # two ledgers on each of the two credit union statements


def test_a_payslip_adds_up(every: list[AOSample]) -> None:
    """The pay advice's earnings come to the total gross pay and its deductions to their
    total, the net pay the difference; the engineering payslip's columns likewise. Both
    agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = ao_text(sample)
        if "PAY ADVICE" in text:
            codes = [(r[1].text, _amount(r[-1].text)) for r in rows if len(r) >= 3 and re.fullmatch(r"\d{3}", r[0].text)]  # fmt: skip
            values = {r[0].text: _amount(r[1].text) for r in rows if len(r) == 2 and r[0].text.startswith("Total ")}  # fmt: skip
            gross = values["Total gross pay"]
            assert sum(v for _, v in codes[:3]) == gross, sample.name
            off = values["Total deductions"]
            assert sum(v for _, v in codes[3:]) == off, sample.name
            net = next(_amount(r[1].text) for r in rows if r and r[0].text == "NET PAY")
        else:
            lines = [[_amount(c.text) for c in r] for r in rows if r and all(re.fullmatch(r"[\d,]+\.\d\d", c.text) for c in r)]  # fmt: skip
            earnings, deductions = lines[0], lines[1]
            *items, gross = earnings
            *taken, off = deductions
            assert sum(items) == gross, sample.name
            assert sum(taken) == off, sample.name
            net = next(
                _amount(r[1].text) for r in rows if r and r[0].text == "Net pay paid to bank"
            )
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def _setting(sample: AOSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    for kind, mark in (("backsheet", "fold"), ("compliments", "slip"), ("flowchart", "diamond"), ("dial", "gauge"), ("coupons", "perf")):  # fmt: skip
        if mark in kinds:
            return kind
    return "equation" if any(r.fill is not None for r in sample.rects[0]) else ""


def _check_setting(sample: AOSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    first = "\n".join(c.text for r in rows for c in r)
    marks = sample.rules[0]
    if kind == "backsheet":
        back = [c for r in _cells(sample, 1) for c in r]
        if owed is not None:
            assert pounds(owed) not in first, sample.name
            assert any(c.text == pounds(owed) for c in back), sample.name
        if truth.deadline_date:
            assert not any(shape(truth.deadline_date) in first for shape in DATE_SHAPES), sample.name  # fmt: skip
        assert all(c.x >= 0.55 for c in back), sample.name  # the right half of the fold
        assert "BETWEEN" in first
    elif kind == "compliments":
        slip = next(m for m in marks if m.kind == "slip")
        assert slip.last == len(rows) - 1, sample.name  # nothing printed below the slip
        assert "With our compliments" in first
        if owed is not None:
            assert pounds(owed) in first, sample.name
    elif kind == "flowchart":
        assert sum(m.kind == "node" for m in marks) == 3, sample.name
        assert sum(m.kind == "elbow" for m in marks) == 2, sample.name
        box = next(m for m in marks if m.kind == "node")
        inside = {c.text for r in rows[box.row : (box.last or 0) + 1] for c in r}
        if ref:
            assert any(ref in text for text in inside), sample.name
        if owed is not None:
            assert pounds(owed) in inside, sample.name
    elif kind == "equation":
        shaded = next(r for r in sample.rects[0] if r.fill is not None)
        inside = [c for r in rows[shaded.first : shaded.last + 1] for c in r if shaded.x0 <= c.x <= shaded.x1]  # fmt: skip
        signs = [c.text for r in rows[shaded.first : shaded.last + 1] for c in r if c.text in "+-="]
        assert signs, sample.name
        assert signs[-1] == "=", sample.name
        figure = owed if owed is not None else truth.income_pence
        assert figure is not None
        assert any(c.text == pounds(figure) for c in inside), sample.name
    elif kind == "dial":
        gauge = next(m for m in marks if m.kind == "gauge")
        under = list(rows[(gauge.last or 0) + 2])
        if owed is not None:
            assert [c.text for c in under] == [pounds(owed)], sample.name
    elif kind == "coupons":
        perfs = [m for m in marks if m.kind == "perf"]
        assert [m.x0 for m in perfs] == [0.35, 0.65], sample.name
        coupons = [c for r in rows[perfs[0].row : (perfs[0].last or 0) + 1] for c in r]
        assert sum(c.text.startswith("Coupon ") for c in coupons) == 3, sample.name
        if owed is not None:
            parts = [_amount(c.text) for c in coupons if c.align == "right" and re.fullmatch(r"[\d,]+\.\d\d", c.text)]  # fmt: skip
            assert sum(parts) == owed, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AOSample]) -> None:
    """The backsheet's first page has no sum nor date to act by, its back sheet holds them
    in the right half; the compliments slip holds every fact and nothing is below it; the
    flow chart's first box holds the facts; the equation's shaded box holds what is owed
    (or paid); the dial's headline is the balance; the three coupons add up to it."""
    seen = dict.fromkeys(("backsheet", "compliments", "flowchart", "equation", "dial", "coupons"), 0)  # fmt: skip
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AO's own wording as written in ``corpus_blind_ao`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ao))):
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
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 3:
                    labels += [e.value for e in pair.elts[1:2] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = (
    "Department for Communities", "Land & Property Services", "Northern Ireland Housing Executive",
    "Northern Ireland Courts and Tribunals Service", "Enforcement of Judgments Office",
)  # fmt: skip
"""Public bodies every family may name (the first three named by earlier modules; the
courts service and the Enforcement of Judgments Office are Northern Ireland's own, not AO's
invention)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ao_is_in_an_earlier_family() -> None:
    """AO is written in new words: none of its organisations (but the state's), people,
    streets, settings' words or titles appears in the modules of A-Z, G, E, F, I, J, AA to
    AL and AN, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ao = corpus_blind_ao
    orgs = [o for o in vars(ao).values() if isinstance(o, ao.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ao.PEOPLE),
        *(street for street, _, _ in ao.ADDRESSES),
        "With our compliments", "Your choices from here", "The position today", "Endorsed on the back sheet",
        "Cut along the dotted lines", "Coupon 1 of 3", "Net pay paid to bank", "Boning line bonus",
        "Nights enhancement", "Tool allowance", "Statement of your accounts", "Lodgement at the office",
        "Enniskillen", "Fermanagh", "Lisnaskea", "Irvinestown", "Dungannon", "Cookstown", "Coalisland",
        "Fivemiletown", "Ballinamallard", "Belleek", "Derrylin", "Killyman", "Clogher", "Plaintiff",
        "civil bill", "Jobs & Benefits", "Disability and Carers Service",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AOSample]) -> None:
    for sample in every:
        for text in (ao_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AOSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    for sample in every:
        for page in ao_pages(sample):
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
def test_pages_render_with_their_scan_effects_and_encode(family: list[AOSample]) -> None:
    one = [s for s in family if len(s.pages) == 1]
    sample = one[2]
    clean = np.asarray(corpus_blind_ao._draw(sample, 0, SCANS[0].dpi).convert("L"), dtype=float)
    fed = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert fed.ndim == 2  # greyscale
    assert fed.shape[0] > clean.shape[0]  # the scan window
    assert fed.shape[1] > clean.shape[1]
    corners = [fed[:8, :8].mean(), fed[:8, -8:].mean(), fed[-8:, :8].mean(), fed[-8:, -8:].mean()]  # fmt: skip
    assert max(corners) < 60  # the black backing shows round the page
    plain_page = corpus_blind_ao._draw(sample, 0, SCANS[1].dpi)
    eared = np.asarray(corpus_blind_ao._dogear(plain_page, random.Random(3), 0.0), dtype=float)
    before = np.asarray(plain_page, dtype=float)
    changed = np.abs(eared - before).sum(axis=2) > 0
    _, xs = np.nonzero(changed)
    assert xs.min() > before.shape[1] * 0.85  # only a corner at the right
    assert changed.sum() < before.shape[0] * before.shape[1] * 0.01
    night = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    middle = night[night.shape[0] // 3 : night.shape[0] // 2, night.shape[1] // 3 : night.shape[1] // 2]  # fmt: skip
    assert middle[..., 0].mean() > middle[..., 2].mean() + 40  # orange
    assert middle.mean() < 200  # dim
    data, fmt, _ = ao_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ao_scanned(sample, 3)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ao_scanned(sample, 1)
    assert (fmt, data[:2]) == ("tiff", b"II")
    assert Image.open(io.BytesIO(data)).info.get("compression") == "tiff_adobe_deflate"
    data, fmt, _ = ao_scanned(sample, 2)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = ao_scanned(two, 0)
    assert (fmt, data[:4]) == ("pdf", b"%PDF")


def digest() -> str:
    samples = build_ao(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ao_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ao") == digest()


def test_family_ao_is_trained_on_only_as_a_read_family() -> None:
    """AO is seen since round 38 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AO" in read_families.READ
    assert "corpus_blind_ao" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ao", "AO")


# -- the reader on AO (seen since round 38, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ao_score(
    family: list[AOSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 92% (35/38), creditor 93% (28/30), original creditor 2/2, reference 87% (26/30), "
    "balance 29/30, letter date 36/36, deadline 24/24, claim no. 0/4, payer 4/4, income 4/4, "
    "gross 2/2, frequency 4/4, served 1/2 (branch corpusao off 63482f87 = main after AN's "
    "merge, shipped classifier and field ranker; on 76 documents class 70/76, creditor 56/60, "
    "reference 52/60, balance 57/60, claim no. 0/8, served 2/4: benchmarks/OCR.md, 'Family AO')"
)
"""The first measurement (38 documents here): every floor met but the class, the reference,
the claim number and the served date."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (35, 38), "creditor_name": (28, 30), "original_creditor": (2, 2),
    "account_reference": (26, 30), "balance_pence": (29, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (0, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (1, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
UNMET = frozenset({"document_class", "account_reference", "court_claim_number", "served_date"})
"""The issue's floors not met at the first measurement, blind (strict xfails until round
38; since, only those still unmet: ``STILL_UNMET``)."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_ao_is_read_at_least_as_well_as_first_measured(ao_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + ao_score.table("family AO (seen since round 38), perfect text"))
    assert ao_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert ao_score.totals[field] == total, field
        assert ao_score.hits[field] >= hits, (field, ao_score.hits[field], hits)


ROUND_38 = (
    "every floor met; on the benchmark's 76 documents every field 100% by the rules and as "
    "shipped (class 76/76, reference 60/60, claim no. 8/8, served 4/4 ...): rules of round "
    "38, models 2026-12-06.34"
)
"""After round 38, which read AO's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 38 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AO after round 38, under the issue's floor: {ROUND_38}"),
)
def test_family_ao_meets_the_floor(ao_score: Score, field: str) -> None:
    """Seen since round 38, so a regression check of a training-side figure: ROUND_38
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(ao_score.accuracy(field), field), field
