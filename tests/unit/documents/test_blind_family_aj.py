# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AJ (``corpus_blind_aj.py``), written blind in a thirtieth hand (its organisations
and wording new to A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG, AH and AI) and read since
round 32: the family itself (every class, ground truth printed, deterministic, laid out on
the page, each setting as it says), that it is trained on only as a read family, and the
reader on it on perfect text as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_aj_ocr.py; the
figures are in benchmarks/OCR.md ("Family AJ", and "Round 32", which read AJ's misses).
Two documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import random
import re
from collections import Counter
from importlib import import_module

import numpy as np
import pytest
from PIL import Image
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_aj, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_aj import (
    DATE_SHAPES,
    SCANS,
    SEED,
    STATEMENT_XS,
    TEMPLATES,
    AJSample,
    aj_pages,
    aj_scanned,
    aj_text,
    build_aj,
    page_size,
    plain,
    pounds,
    render,
    starred,
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
           "corpus_blind_ah", "corpus_blind_ai", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG, AH and AI
(and the statements corpus); searched by the new-words test (AI's was read for its
conventions as the task allowed, the others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AJSample]:
    return build_aj(2)


@pytest.fixture(scope="module")
def every() -> list[AJSample]:
    return build_aj(4)


@pytest.fixture(scope="module")
def texts(family: list[AJSample]) -> dict[str, str]:
    return {s.name: aj_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AJSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: aj_pages(s) for s in family}


def test_every_class_has_family_aj_with_the_fields_it_yields(
    family: list[AJSample], every: list[AJSample], texts: dict[str, str]
) -> None:
    assert SEED == 3427
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AJ")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    text = "\n".join(texts.values())
    alltext = "\n".join(aj_text(s) for s in every)
    assert re.search(r"Notice no\. \d+ of 20\d\d", text)
    assert "DUPLICATE - stays in the book" in text
    assert "VERIFIED ACCOUNT DETAILS" in text
    assert "Copy of your data held by" in text
    assert "How your balance is made up" in text
    assert "Where your account stands" in text
    assert "Railway wages slip" in alltext
    assert "Optical glass works payslip" in alltext
    assert "Totals for the period" in alltext
    assert "Balance carried forward" in alltext
    assert re.search(r"\d\.\d\d\*", alltext)
    assert re.search(r"\b20\d\d [A-Z][a-z]{2,} \d{1,2}\b", alltext)
    assert re.search(r"\b[A-Z][a-z]{2}\. \d{1,2} [A-Z][a-z]{2}\. 20\d\d\b", alltext)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]+ 20\d\d \([A-Z][a-z]+day\)", alltext)
    assert {s.style.face for s in family} == {"palatino", "times", "gothic"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert all(len(s.pages) == 1 for s in every)
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["2026 December 4", "Fri. 4 Dec. 2026", "4 December 2026 (Friday)"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "2025 September 3"
    assert DATE_SHAPES[1](dt.date(2025, 9, 22)) == "Mon. 22 Sep. 2025"
    assert DATE_SHAPES[2](dt.date(2026, 1, 11)) == "11 January 2026 (Sunday)"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"
    assert starred(-123_456) == "1,234.56*"
    assert starred(99) == "0.99"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([\d,]+)\.(\d\d)(\*)?", text)
    assert m, text
    return (-1 if m[3] else 1) * (int(m[1].replace(",", "")) * 100 + int(m[2]))


def _cells(sample: AJSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AJSample]) -> None:
    """Each balance printed is the one brought forward plus what came in less what went
    out; an asterisk reads as below nought; the period's totals are the sums of the
    columns; the balance carried forward agrees. Half the statements start overdrawn and
    print a balance on every line, the others only after each day's last entry."""
    xs = STATEMENT_XS
    seen = overdrawn = gaps = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        start = next(k for k, r in enumerate(rows) if any(c.text == "Balance brought forward" for c in r))  # fmt: skip
        opening = right_cell_at(rows[start], xs[4])
        assert opening is not None
        running = _amount(opening.text)
        overdrawn += running < 0
        lines = out = into = 0
        for row in rows[start + 1 :]:
            if any(c.text == "Totals for the period" for c in row):
                paid_out, paid_in = right_cell_at(row, xs[2]), right_cell_at(row, xs[3])
                assert paid_out is not None, sample.name
                assert paid_in is not None, sample.name
                assert (_amount(paid_out.text), _amount(paid_in.text)) == (out, into), sample.name
                continue
            if any(c.text == "Balance carried forward" for c in row):
                closing = right_cell_at(row, xs[4])
                assert closing is not None, sample.name
                assert _amount(closing.text) == running, sample.name
                break
            if (cell := right_cell_at(row, xs[2])) is not None:
                running -= _amount(cell.text)
                out += _amount(cell.text)
            else:
                cell = right_cell_at(row, xs[3])
                assert cell is not None, sample.name
                running += _amount(cell.text)
                into += _amount(cell.text)
            shown_ = right_cell_at(row, xs[4])
            if shown_ is None:
                gaps += 1
            else:
                assert _amount(shown_.text) == running, sample.name
            lines += 1
        assert lines == 9, sample.name
    assert seen == 4
    assert overdrawn == 2
    assert gaps >= 1


def test_a_payslip_adds_up(every: list[AJSample]) -> None:
    """The payments come to the gross, the deductions to their total, and the gross less
    the deductions is the net pay."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        block: list[int] | None = None
        pays: list[int] = []
        deds: list[int] = []
        totals: dict[str, int] = {}
        for row in rows:
            if not row:
                continue
            head = row[0].text
            if head in ("Payments", "Deductions"):
                block = pays if head == "Payments" else deds
            elif head in ("Total gross pay", "Total deductions", "Net pay"):
                totals[head] = _amount(row[1].text)
                block = None
            elif block is not None and (cell := right_cell_at(row, 0.84)) is not None:
                block.append(_amount(cell.text))
        assert sum(pays) == totals["Total gross pay"], sample.name
        assert sum(deds) == totals["Total deductions"], sample.name
        assert totals["Total gross pay"] - totals["Total deductions"] == totals["Net pay"], (
            sample.name
        )
        assert (totals["Total gross pay"], totals["Net pay"]) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name  # fmt: skip


def test_each_setting_puts_its_facts_where_it_says(every: list[AJSample]) -> None:
    """The statute sets each fact as a numbered section of its value alone, its label only
    as an italic marginal note in the outer margin beside it; the receipt writes each fact
    in italic on a ruled line inside the receipt at the top; the guilloche lies behind the
    panel that holds the facts; the export quotes each fact under its key; the pie's
    slices make a whole turn and its legend totals the balance; the status table gives
    each fact a marker."""
    seen = dict.fromkeys(("statute", "receipt", "guilloche", "export", "pie", "status"), 0)
    for sample in every:
        text = aj_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        marks = sample.rules[0]
        if re.search(r"Notice no\. \d+ of", text):
            seen["statute"] += 1
            notes = [c for r in rows for c in r if c.italic and (c.x in (0.06, 0.815))]
            assert len(notes) >= 4, sample.name
            assert any(m.kind == "down" for m in marks), sample.name
            numbered = [r for r in rows if any(re.fullmatch(r"\d+\.", c.text) for c in r)]
            assert len(numbered) >= 4, sample.name
            if ref:
                k, cell = next((k, c) for k, r in enumerate(rows) for c in r if c.text == f"{ref}.")
                assert cell.bold, sample.name
                assert round(cell.x, 3) in (0.235, 0.555), sample.name
                side = [c for c in rows[k] if c.italic]
                assert side, sample.name
                assert all(c.x in (0.06, 0.815) for c in side), sample.name
        if "DUPLICATE - stays in the book" in text:
            seen["receipt"] += 1
            card = sample.rects[0][0]
            assert card.first == 0, sample.name
            assert card.outline, sample.name
            if ref:
                k, cell = next((k, c) for k, r in enumerate(rows) for c in r if c.text == ref)
                assert cell.italic, sample.name
                assert cell.x == 0.36, sample.name
                assert k <= card.last, sample.name
        if "VERIFIED ACCOUNT DETAILS" in text:
            seen["guilloche"] += 1
            waves = [m for m in marks if m.kind == "waves"]
            assert len(waves) == 1, sample.name
            assert 200 < waves[0].shade < 230, sample.name
            if ref:
                k = next(k for k, r in enumerate(rows) if any(c.text == ref for c in r))
                assert waves[0].row <= k <= (waves[0].last or 0), sample.name
        if "Copy of your data held by" in text:
            seen["export"] += 1
            assert "{" in text
            assert "}" in text
            if ref:
                assert re.search(r'"[a-z0-9_]+": "' + re.escape(ref) + '",', text), sample.name
            if owed is not None:
                assert f'": "{pounds(owed)}"' in text, sample.name
        if "How your balance is made up" in text:
            seen["pie"] += 1
            wedges = [m for m in marks if m.kind == "wedge"]
            assert len(wedges) == 3, sample.name
            assert abs(sum(w.a1 - w.a0 for w in wedges) - 360) < 0.01, sample.name
            assert owed is not None
            total = next(r for r in rows if r and r[0].text == "Total owed now")
            assert total[1].text == plain(owed), sample.name
            parts = [_amount(c.text) for r in rows if r and r[0].text in corpus_blind_aj.PARTS for c in r[1:]]  # fmt: skip
            assert sum(parts) == owed, sample.name
        if "Where your account stands" in text:
            seen["status"] += 1
            markers = [m for m in marks if m.kind in ("disc", "half", "ring")]
            assert len(markers) >= 4, sample.name
            assert (owed is not None) == any(m.kind == "disc" for m in markers), sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AJ's own wording as written in ``corpus_blind_aj`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_aj))):
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


STATE = ("Department for Work and Pensions", "HM Revenue and Customs", "Veterans UK")
"""Public bodies every family may name: not AJ's own (Veterans UK is named by two earlier
modules)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_aj_is_in_an_earlier_family() -> None:
    """AJ is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF,
    AG, AH and AI, nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    aj = corpus_blind_aj
    orgs = [o for o in vars(aj).values() if isinstance(o, aj.Org)]
    orgs += [
        o for v in vars(aj).values() if isinstance(v, tuple) for o in v if isinstance(o, aj.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in aj.PEOPLE),
        *(street for street, _, _ in aj.ADDRESSES),
        "DUPLICATE - stays in the book", "VERIFIED ACCOUNT DETAILS", "Copy of your data held by",
        "How your balance is made up", "Where your account stands", "Railway wages slip",
        "Optical glass works payslip", "Footplate allowance", "Totals for the period",
        "War Widow's Pension", "Guaranteed Income Payment", "Education Maintenance Allowance",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 6, shared


def test_every_true_value_is_printed_on_the_document(every: list[AJSample]) -> None:
    for sample in every:
        for text in (aj_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AJSample], every: list[AJSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: aj_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AJSample]) -> None:
    sample = family[0]
    # the tear: an upright bar breaks sideways where the lower piece was taped back
    bars = np.full((600, 400), 250, dtype=np.uint8)
    bars[:, 100:104] = 0
    out = np.asarray(corpus_blind_aj._taped(Image.fromarray(bars).convert("RGB"), random.Random(3), 0.0))  # fmt: skip
    counts = Counter(int(np.argmax(row < 128)) for row in out[5:-5] if (row < 128).any())
    lefts = {x for x, n in counts.items() if n > 20}  # (a torn fibre may touch the bar)
    assert len(lefts) == 2
    assert corpus_blind_aj.GAP[0] <= max(lefts) - min(lefts) < corpus_blind_aj.GAP[1]
    taped = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=int)
    assert taped.ndim == 2
    photo = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    h, w = photo.shape[:2]
    inner = photo[h // 10 : -h // 10, w // 10 : -w // 10].mean(axis=2)
    assert inner.min() > 25  # the haze lifts the blacks
    assert inner.max() < 250
    sun = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert sun.ndim == 3
    yellowed = (sun[..., 0] - sun[..., 2]) > 25
    assert 0.2 < yellowed.mean() < 0.8  # one side of the edge yellowed, the other not
    data, fmt, _ = aj_scanned(sample, 0)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "L"
    data, fmt, _ = aj_scanned(sample, 1)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = aj_scanned(sample, 2)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aj_scanned(sample, 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info


def digest() -> str:
    samples = build_aj(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{aj_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_aj") == digest()


def test_family_aj_is_trained_on_only_as_a_read_family() -> None:
    """AJ is seen since round 32 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AJ" in read_families.READ
    assert "corpus_blind_aj" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_aj", "AJ")


# -- the reader on AJ (seen since round 32, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def aj_score(
    family: list[AJSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 93% (28/30), original creditor 1/2, reference 97% "
    "(29/30), balance 100% (30/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 1/2 (branch corpusaj "
    "off 6282a03 = main's round-28 reader, shipped classifier and field ranker 2026-12-05.28; "
    "on 76 documents original creditor 2/4 and served 2/4: benchmarks/OCR.md, 'Family AJ')"
)
"""The first measurement, blind (38 documents here): every floor met but the original
creditor and the served date (strict xfails until round 32)."""
ROUND_32 = (
    "class 38/38 and every field 100% (creditor 30/30, original creditor 2/2, served 2/2, "
    "reference 30/30, letter date 36/36 ...): rules of round 32, models 2026-12-05.31 and .33"
)
"""As shipped after round 32, which read AJ's misses (training-side): the original creditor
and the served date meet their floors (plain assertions: a label wrapped in its margin is
one label, a section's number is neither label nor value, the lender "that assigned it"
and the date "the claim is treated as served" are labels)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.5, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the floors of the fields that every debt letter states: a collapse, not a
small loss."""


def test_family_aj_is_read_above_a_collapse_floor(aj_score: Score) -> None:
    print("\n" + aj_score.table("family AJ (seen since round 32), perfect text"))
    assert aj_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (aj_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_aj_meets_the_floor(aj_score: Score, field: str) -> None:
    """Seen since round 32, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_32 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(aj_score.accuracy(field), field), field
