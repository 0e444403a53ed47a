# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AG (``corpus_blind_ag.py``), written blind in a twenty-seventh hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB, AC, AD, AE and AF) and read
since round 34: the family itself (every class, ground truth printed, deterministic, laid
out on the page, each setting as it says), that it is trained on only as a read family, and
the reader on it on perfect text as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_ag_ocr.py; the
figures are in benchmarks/OCR.md ("Family AG", and "Round 34", which read AG's misses).
Two documents a class keep this module to a few seconds; the benchmark reads four."""

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
from PIL import Image
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_ag, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ag import (
    DATE_SHAPES,
    SCANS,
    SMALL,
    TEMPLATES,
    AGSample,
    ag_pages,
    ag_scanned,
    ag_text,
    bare,
    build_ag,
    only,
    overdrawn,
    page_size,
    plain,
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
           "corpus_blind_ad", "corpus_blind_ae", "corpus_blind_af", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB, AC, AD, AE and AF (and the
statements corpus); searched by the new-words test (AF's was read for its conventions as
the task allowed, the others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[AGSample]:
    return build_ag(2)


@pytest.fixture(scope="module")
def every() -> list[AGSample]:
    return build_ag(4)


@pytest.fixture(scope="module")
def texts(family: list[AGSample]) -> dict[str, str]:
    return {s.name: ag_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AGSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ag_pages(s) for s in family}


def test_every_class_has_family_ag_with_the_fields_it_yields(
    family: list[AGSample], every: list[AGSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AG")
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
    alltext = "\n".join(ag_text(s) for s in every)
    assert "At a glance" in text  # the zebra
    assert "Narrative" in text
    assert " only" in text
    assert "Extract from our records" in text  # the extract's page 2
    assert "Particulars" in text  # the pleading paper
    assert "\u00ab" in text  # the merge's field names
    assert "Piece-work pay advice" in text
    assert "Attachment of earnings order" in alltext
    assert "Week ending" in alltext
    assert " overdrawn" in alltext
    assert re.search(r"\b\d\d[A-Z][a-z]{2}20\d\d\b", alltext)
    assert re.search(r"\b[A-Z][a-z]{2} \d{1,2}(st|nd|rd|th) 20\d\d\b", alltext)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]{2}, 20\d\d\b", alltext)
    assert {s.style.face for s in family} == {"sanscond", "libserif", "serifcond"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert sum(len(s.pages) == 2 for s in family) >= 4
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["04Dec2026", "Dec 4th 2026", "4th Dec, 2026"]
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "03Sep2025"
    assert DATE_SHAPES[1](dt.date(2026, 1, 22)) == "Jan 22nd 2026"
    assert DATE_SHAPES[1](dt.date(2026, 1, 11)) == "Jan 11th 2026"
    assert DATE_SHAPES[2](dt.date(2025, 9, 1)) == "1st Sep, 2025"
    assert DATE_SHAPES[2](dt.date(2025, 9, 23)) == "23rd Sep, 2025"
    assert plain(123_456) == "1,234.56"
    assert bare(123_456) == "1234.56"
    assert bare(5) == "0.05"
    assert only(123_456) == "£1,234.56 only"
    assert overdrawn(-123_456) == "1,234.56 overdrawn"
    assert overdrawn(99) == "0.99"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(-?)([\d,]+)\.(\d\d)( overdrawn)?", text)
    assert m, text
    sign = -1 if (m[1] or m[4]) else 1
    return sign * (int(m[2].replace(",", "")) * 100 + int(m[3]))


def _cells(sample: AGSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AGSample]) -> None:
    """Each balance is the one before it plus what came in less what went out (pending
    payments apart), "overdrawn" reads as below nought, the closing balance agrees; each
    "Week ending" line totals its week's money in and out. Half the statements start
    overdrawn."""
    seen = overdrawn_ = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        opening = next(r for r in rows if len(r) >= 2 and "balance" in r[-2].text.lower() and r[-2].text.split()[-2:] in (["brought", "forward"], ["Opening", "balance"]))  # fmt: skip
        running = _amount(opening[-1].text)
        overdrawn_ += running < 0
        start = rows.index(opening)
        week_in = week_out = 0
        lines = 0
        for row in rows[start + 1 :]:
            if not row:
                break
            if len(row) >= 2 and row[-2].text in ("Closing balance", "Balance carried forward"):  # fmt: skip
                assert _amount(row[-1].text) == running, sample.name
                break
            if row[0].text.startswith("Week ending"):
                assert _amount(row[1].text) == week_out, sample.name
                assert _amount(row[2].text) == week_in, sample.name
                week_in = week_out = 0
                continue
            amount = _amount(row[-2].text)
            if row[-2].x + 0.001 >= 0.76:
                running, week_in = running + amount, week_in + amount
            else:
                running, week_out = running - amount, week_out + amount
            assert _amount(row[-1].text) == running, sample.name
            lines += 1
        assert lines == 9, sample.name
    assert seen == 4
    assert overdrawn_ == 2


def test_a_payslip_adds_up(every: list[AGSample]) -> None:
    """The bags come to the piece-work earnings; gross less the deductions is the net pay;
    the salary less the sacrifice is the gross."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        money = {r[0].text: _amount(r[-1].text) for r in rows if r and r[-1].align == "right" and re.fullmatch(r"-?[\d,]+\.\d\d", r[-1].text)}  # fmt: skip
        if "Piece-work earnings" in money:
            days = [_amount(r[2].text) for r in rows if len(r) == 3 and re.fullmatch(r"\d\d/\d\d", r[0].text)]  # fmt: skip
            assert sum(days) == money["Piece-work earnings"], sample.name
            gross, net = money["Gross earnings"], money["Net pay"]
            assert money["Piece-work earnings"] + money["Holiday pay at 12.07%"] == gross
            assert gross + money["Tax (PAYE)"] + money["National Insurance"] == net
        else:
            gross, net = money["Gross pay after sacrifice"], money["Take-home pay"]
            assert money["Basic salary"] + money["Cycle-to-work salary sacrifice"] == gross
            assert gross + sum(money[k] for k in ("Income tax", "National Insurance", "Student loan", "Attachment of earnings order")) == net  # fmt: skip
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AGSample]) -> None:
    """The captioned form sets each value on a rule with its label small under it; the
    pleading paper numbers every line before the foot; the extract keeps the reference and
    the sum off page 1 and gives them as FIELD = value on page 2 (the sum bare); the zebra
    ranges each value right, every other row shaded; the narrative puts the sum in its
    Amount column and "only" under it; the merge shades each value in its line and names
    its field in chevrons after it."""
    seen = dict.fromkeys(("captioned", "numbered", "extract", "zebra", "narrative", "merge"), 0)
    for sample in every:
        text = ag_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        salute = next(k for k, r in enumerate(rows) if any(c.text.startswith("Dear ") for c in r))
        if any(c.text == "Letter dated" and c.size == SMALL and c.italic for r in rows for c in r):
            seen["captioned"] += 1
            rules = {rule.row for rule in sample.rules[0]}
            for r_i, row in enumerate(rows[:salute]):
                for c in row:
                    if c.text == "Letter dated":
                        assert r_i in rules, sample.name
            said = [c.text for r in rows[:salute] for c in r]
            if ref:
                assert ref in said, sample.name
            if owed is not None:
                assert corpus_blind_ag.pounds(owed) in said, sample.name
        if "Particulars" in text:
            seen["numbered"] += 1
            body = rows[: sample.feet[0]]
            assert [int(r[0].text) for r in body] == list(range(1, len(body) + 1)), sample.name
            if ref:
                assert ref in [c.text for r in body for c in r], sample.name
        if len(sample.pages) == 2:
            seen["extract"] += 1
            one = " ".join(c.text for r in rows for c in r)
            two = _cells(sample, 1)
            assert "Extract from our records" in " ".join(c.text for r in two for c in r)
            pairs = {r[0].text: r[2].text for r in two if len(r) >= 3 and r[1].text == "="}
            assert "LETTER_DATE" in pairs
            assert all(re.fullmatch(r"[A-Z0-9_]+", k) for k in pairs), sample.name
            if ref:
                assert ref not in one, sample.name
                assert ref in pairs.values(), sample.name
            if owed is not None:
                assert corpus_blind_ag.pounds(owed) not in one, sample.name
                assert bare(owed) in pairs.values(), sample.name
        if "At a glance" in text:
            seen["zebra"] += 1
            shaded = [r for r in sample.rects[0] if r.fill is not None and not r.outline]
            assert len(shaded) >= 2
            if owed is not None:
                cell = next(c for r in rows for c in r if c.text == corpus_blind_ag.pounds(owed))
                assert cell.align == "right", sample.name
                assert cell.x == 0.9, sample.name
        if "Narrative" in text:
            seen["narrative"] += 1
            if owed is not None:
                assert only(owed) in text, sample.name
                assert any(r and r[-1].text == plain(owed) and r[-1].align == "right" for r in rows), sample.name  # fmt: skip
        if "\u00ab" in text:
            seen["merge"] += 1
            shaded = [r for r in sample.rects[0] if r.fill is not None and r.first == r.last]
            assert len(shaded) >= 4
            for row in rows[:salute]:
                names = [k for k, c in enumerate(row) if c.text.startswith("\u00ab")]
                for k in names:
                    assert row[k].text.endswith("\u00bb"), sample.name
                    assert k >= 1, sample.name
            if owed is not None:
                value = next(
                    r
                    for r in rows[:salute]
                    if any(c.text == corpus_blind_ag.pounds(owed) for c in r)
                )
                assert value[-1].text.startswith("\u00ab"), sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AG's own wording as written in ``corpus_blind_ag`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ag))):
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


STATE = ("Department for Work and Pensions", "HM Revenue and Customs")
"""Public bodies every family may name: not AG's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ag_is_in_an_earlier_family() -> None:
    """AG is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB, AC, AD, AE and AF,
    nor most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ag = corpus_blind_ag
    orgs = [o for o in vars(ag).values() if isinstance(o, ag.Org)]
    orgs += [
        o for v in vars(ag).values() if isinstance(v, tuple) for o in v if isinstance(o, ag.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ag.PEOPLE),
        *(street for street, _, _ in ag.ADDRESSES),
        "Extract from our records", "Piece-work pay advice", "Holiday pay at 12.07%",
        "Cycle-to-work salary sacrifice", "Gross pay after sacrifice",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 4, shared


def test_every_true_value_is_printed_on_the_document(every: list[AGSample]) -> None:
    for sample in every:
        for text in (ag_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AGSample], every: list[AGSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ag_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AGSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    plain_page = np.asarray(corpus_blind_ag._draw(single, 0, SCANS[0].dpi).convert("L"), dtype=int)
    cockled = np.asarray(render(single, 0, SCANS[0], seed=3), dtype=int)
    assert cockled.ndim == 2
    # the ripple moves the ink: the page no longer matches its flat drawing row for row
    height = min(cockled.shape[0], plain_page.shape[0])
    width = min(cockled.shape[1], plain_page.shape[1])
    assert (abs(cockled[:height, :width] - plain_page[:height, :width]) > 60).mean() > 0.002
    thumb = np.asarray(render(single, 0, SCANS[1], seed=3), dtype=float)
    assert thumb.ndim == 3
    h, w = thumb.shape[:2]
    edge = thumb[h // 3 : h * 3 // 4, : w // 40]
    assert ((edge[:, :, 0] - edge[:, :, 2]) > 50).mean() > 0.1  # the thumb's skin
    grey = thumb.mean(axis=2)[h // 6 : h * 5 // 6]
    left, right = grey[:, w // 10 : w * 45 // 100], grey[:, w * 6 // 10 : w * 9 // 10]
    assert np.percentile(right, 0.5) > np.percentile(left, 0.5) + 40  # ink washed out right
    stutter = render(single, 0, SCANS[2], seed=3)
    assert stutter.mode == "L"
    # on a page whose every row differs: some rows come twice (a stall), some never (the
    # catch-up), and the page keeps its height
    ramp = np.zeros((1200, 60), dtype=np.uint8)
    ramp[:, 0], ramp[:, 1] = np.arange(1200) % 256, np.arange(1200) // 256
    out = np.asarray(corpus_blind_ag._stutter(Image.fromarray(ramp).convert("RGB"), random.Random(3), 0.0), dtype=int)  # fmt: skip
    assert out.shape[0] == 1200
    keys = [int(r[0]) + 256 * int(r[1]) for r in out]
    assert len(keys) - len(set(keys)) >= 8
    assert len(set(range(1200)) - set(keys)) >= 8
    data, fmt, _ = ag_scanned(single, 0)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "L"
    data, fmt, _ = ag_scanned(single, 1)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = ag_scanned(single, 2)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ag_scanned(single, 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    double = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = ag_scanned(double, 2)
    assert fmt == "pdf"
    assert data[:4] == b"%PDF"


def digest() -> str:
    samples = build_ag(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ag_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ag") == digest()


def test_family_ag_is_trained_on_only_as_a_read_family() -> None:
    """AG is seen since round 34 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AG" in read_families.READ
    assert "corpus_blind_ag" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ag", "AG")


# -- the reader on AG (seen since round 34, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ag_score(
    family: list[AGSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 93% (28/30), original creditor 2/2, reference 93% "
    "(28/30), balance 100% (30/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusag "
    "off 3ea9e28 = main's round-25 reader, shipped classifier and field ranker 2026-12-05.25; "
    "on 76 documents claim no. is 4/8: benchmarks/OCR.md, 'Family AG')"
)
"""The first measurement, blind (38 documents here): every floor met (the claim numbers these
two documents a class hold are all read; on the benchmark's four, half are not)."""
ROUND_34 = (
    "on the benchmark's 76 documents every field 100% by the rules and as shipped (creditor "
    "60/60, reference 60/60, balance 60/60 ...): rules of round 34, models 2026-12-06.36"
)
"""After round 34, which read AG's misses (training-side): a court's name is no longer
read for the firm "holding the judgment", capitals and nine figures are one reference, and
the rules alone read a ledger's, a product's and an "amt" label."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the floors of the fields that every debt letter states: a collapse, not a
small loss."""


def test_family_ag_is_read_above_a_collapse_floor(ag_score: Score) -> None:
    print("\n" + ag_score.table("family AG (seen since round 34), perfect text"))
    assert ag_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ag_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ag_meets_the_floor(ag_score: Score, field: str) -> None:
    """Seen since round 34, so a regression check of a training-side figure: ROUND_34
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(ag_score.accuracy(field), field), field
