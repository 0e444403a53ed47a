# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AQ (``corpus_blind_aq.py``), written blind in a thirty-sixth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA to AL, AN, AO and AP) and read since round 39: the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says), that it is trained on only as a read family, and the reader on it on
perfect text as the product reads (the shipped classifier and field ranker), held to the
counts reached in round 39. The OCR sample is in
tests/integration/ocr/test_blind_family_aq_ocr.py; the figures are in benchmarks/OCR.md
("Family AQ", and "Round 39", which read AQ's misses: every figure on AQ since is a
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
    corpus_blind_aq,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_aq import (
    ALL_SHAPES,
    HEX,
    SCANS,
    SEED,
    TEMPLATES,
    AQSample,
    aq_pages,
    aq_scanned,
    aq_text,
    build_aq,
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
           "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AL, AN, AO and AP (and the
statements corpus), searched by the new-words test."""


@pytest.fixture(scope="module")
def family() -> list[AQSample]:
    return build_aq(2)


@pytest.fixture(scope="module")
def every() -> list[AQSample]:
    return build_aq(4)


@pytest.fixture(scope="module")
def texts(family: list[AQSample]) -> dict[str, str]:
    return {s.name: aq_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AQSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: aq_pages(s) for s in family}


def test_every_class_has_family_aq_with_the_fields_it_yields(
    family: list[AQSample], every: list[AQSample], texts: dict[str, str]
) -> None:
    assert SEED == 4160
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AQ")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    alltext = "\n".join(aq_text(s) for s in every)
    for words in ("What it comes to", "By the ", "Yours sincerely", "Pay advice", "Net pay into your account", "Year to date",
                  "Wage slip", "Duties worked", "Platform hours", "Wage paid to you", "Money in", "Money out", "Closing balance",
                  "Current account statement", "Balance carried forward", "(Groceries)"):  # fmt: skip
        assert words in alltext, words
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) 20\d\d\b", alltext)  # fmt: skip
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2} 20\d\d, (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", alltext)
    assert {s.style.face for s in family} == {"narrow", "light", "caladea"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in ALL_SHAPES] == ["4th DEC 2026", "4 Dec 2026, Fri"]
    assert ALL_SHAPES[0](dt.date(2025, 9, 22)) == "22nd SEP 2025"
    assert ALL_SHAPES[0](dt.date(2025, 9, 11)) == "11th SEP 2025"
    assert ALL_SHAPES[0](dt.date(2026, 3, 1)) == "1st MAR 2026"
    assert ALL_SHAPES[1](dt.date(2026, 5, 3)) == "3 May 2026, Sun"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"(less |[-+] ?)?£?([\d,]+)\.(\d\d)( OD)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if (m[1] and m[1].strip() in ("-", "less")) or m[4] else value


def _cells(sample: AQSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[AQSample]) -> None:
    """The app's lines: each balance the one before plus the line's amount, money in and
    money out their sums; the society's: each balance the one before, paid in less paid
    out."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        rows = _cells(sample)
        if "Money in" in aq_text(sample):
            heads = next(k for k, r in enumerate(rows) if r and r[0].text == "Money in")
            money_in, money_out, running = (_amount(c.text) for c in rows[heads + 1])
            ins = outs = 0
            for row in rows:
                amounts = [c for c in row if c.align == "right"]
                if len(amounts) == 2 and re.fullmatch(r"\d\d [A-Z][a-z]{2}", row[0].text):
                    step = _amount(amounts[0].text)
                    running += step
                    ins += max(step, 0)
                    outs -= min(step, 0)
                    assert _amount(amounts[1].text) == running, sample.name
            assert (ins, -outs) == (money_in, money_out), sample.name
            end = next(r for r in rows if r and r[0].text == "Closing balance")
            assert _amount(end[1].text) == running, sample.name
        else:
            start = next(r for r in rows if r and r[0].text == "Balance brought forward")
            running = _amount(start[1].text)
            for row in rows:
                if row and re.fullmatch(r"\d\d/\d\d", row[0].text):
                    amount = _amount(row[2].text)
                    running += -amount if abs(row[2].x - 0.64) < 0.001 else amount
                    assert _amount(row[3].text) == running, sample.name
            end = next(r for r in rows if r and r[0].text == "Balance carried forward")
            assert _amount(end[1].text) == running, sample.name
        seen += 1
    assert seen == 4


def test_a_payslip_adds_up(every: list[AQSample]) -> None:
    """The trust's payments come to the gross, its deductions to their total, and the
    difference is the net pay; the bus company's duties add up to the hours, the hours at
    the rate to the basic wage, and the gross less the deductions is the net wage. Both
    agree with the truth."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        text = aq_text(sample)
        if "Pay advice" in text:
            at = {r[0].text: r for r in rows if r}
            pays = [_amount(c.text) for name in ("Basic pay", "Unsocial hours enhancement", "High cost area supplement") for c in at[name] if abs(c.x - 0.76) < 0.001]  # fmt: skip
            gross = _amount(next(c.text for c in at["Total gross pay"] if abs(c.x - 0.76) < 0.001))
            cuts = [_amount(next(c.text for c in at[name] if abs(c.x - 0.76) < 0.001)) for name in ("Tax (PAYE)", "Class 1 NI", "NHS Pension 6.8%", "Car park permit")]  # fmt: skip
            off = _amount(at["Total deductions"][1].text)
            net = _amount(at["Net pay into your account"][1].text)
            assert sum(pays) == gross, sample.name
            assert sum(cuts) == off, sample.name
            assert gross - off == net, sample.name
        else:
            duties = [r for r in rows if r and re.fullmatch(r"[A-Z][a-z]{2} \d\d/\d\d", r[0].text)]
            hours = sum(round(float(r[-1].text) * 100) for r in duties)
            total = next(r for r in rows if r and r[0].text == "Hours this period")
            assert hours == round(float(total[1].text) * 100), sample.name
            lines = {
                r[0].text: _amount(r[1].text.replace("- ", "-"))
                for r in rows
                if len(r) == 2 and r[0].x == 0.3
            }
            basic = next(
                v for k, v in lines.items() if k.endswith(tuple("0123456789")) and " hours at " in k
            )
            gross = lines["Wage before deductions"]
            assert basic + lines["Spread-over payments"] == gross, sample.name
            net = lines["Wage paid to you"]
            assert gross + sum(v for v in lines.values() if v < 0) == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def _setting(sample: AQSample) -> str:
    kinds = {m.kind for p in sample.rules for m in p}
    for kind in ("hex", "thermo", "legend", "band"):
        if kind in kinds:
            return kind
    if "What it comes to" in aq_text(sample):
        return "byline"
    if any(r.fill == 238 for p in sample.rects for r in p):
        return "inset"
    return ""


def _check_setting(sample: AQSample, kind: str) -> None:
    truth, rows = sample.truth, _cells(sample)
    ref, owed = truth.account_reference, truth.balance_pence
    marks = sample.rules[0]
    if kind == "byline":
        rules = [m.row for m in marks if m.kind == "rule"]
        line = next(rows[r] for r in rules if rows[r] and rows[r][0].text.startswith("By the "))
        assert truth.letter_date is not None
        assert any(line[1].text == shape(truth.letter_date) for shape in ALL_SHAPES), sample.name
        assert line[2].text.endswith(truth.court_claim_number or ref or "-"), sample.name
        initial = next(r for r in rows if len(r) == 1 and len(r[0].text) == 1 and r[0].size > 20)
        assert initial[0].bold, sample.name
    elif kind == "inset":
        box = next(r for r in sample.rects[0] if r.fill == 238)
        inside = [c.text for r in rows[box.first : box.last + 1] for c in r if c.x >= box.x0]
        outside = [c for r in rows[box.first : box.last + 1] for c in r if c.x < box.x0]
        assert all(c.x == 0.08 for c in outside), sample.name
        if ref:
            assert ref in inside, sample.name
        if owed is not None:
            assert pounds(owed) in inside, sample.name
    elif kind == "hex":
        hexes = [m for m in marks if m.kind == "hex"]
        assert len(hexes) >= 4, sample.name
        held = []
        for m in hexes:
            cells = [
                c for r in rows[m.row : (m.last or 0) + 1] for c in r if abs(c.x - m.x0) < HEX / 2
            ]
            assert all(c.align == "centre" for c in cells), sample.name
            held += [c.text for c in cells]
        if owed is not None:
            assert pounds(owed) in held, sample.name
        if ref:
            assert ref in held, sample.name
    elif kind == "thermo":
        tube = next(m for m in marks if m.kind == "thermo")
        ticks = [m for m in marks if m.kind == "tick"]
        amounts = [_amount(next(c.text for c in rows[m.row] if c.align == "right")) for m in ticks]
        total = next(
            _amount(c.text)
            for r in rows[tube.row - 3 : tube.row]
            for c in r
            if c.text.startswith("£")
        )
        assert sum(amounts) == total, sample.name
        assert total == (owed if owed is not None else truth.income_pence), sample.name
    elif kind == "legend":
        boxes = [m for m in marks if m.kind == "legend"]
        assert len(boxes) >= 3, sample.name
        for m in boxes:
            label = next(c for c in rows[m.row] if abs(c.x - (m.x0 + 0.015)) < 0.001)
            assert label.bold, sample.name
            assert label.size < 8, sample.name
        if ref:
            assert any(ref == c.text for r in rows for c in r if c.bold), sample.name
    elif kind == "band":
        bands = [m for m in marks if m.kind == "band"]
        widths = [m.x1 - m.x0 for m in bands]
        assert widths == sorted(widths, reverse=True), sample.name
        assert len(set(widths)) == len(widths), sample.name
        foot = bands[-1]
        last = [c.text for r in rows[foot.row : (foot.last or 0) + 1] for c in r]
        if owed is not None:
            assert pounds(owed) in last, sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[AQSample]) -> None:
    """The byline holds the letter's date and reference and the body opens with a large
    initial; the inset box holds the facts and nothing else stands beside it but the
    prose; every hexagon holds centred facts; the thermometer's marks add up to the total
    above it; every box's label breaks its border in small bold; the funnel's bands narrow
    and the last holds the sum."""
    seen = dict.fromkeys(("byline", "inset", "hex", "thermo", "legend", "band"), 0)
    for sample in every:
        if sample.truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        kind = _setting(sample)
        assert kind, sample.name
        seen[kind] += 1
        _check_setting(sample, kind)
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AQ's own wording as written in ``corpus_blind_aq`` (the constant strings of two words
    or more): its titles, and its labels (references', dates' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_aq))):
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


STATE = ("Department for Work and Pensions", "HM Courts & Tribunals Service", "HM Revenue & Customs",
         "County Court Business Centre", "Traffic Enforcement Centre", "London Borough of Lewisham")  # fmt: skip
"""Public bodies and courts any family may name (the borough is new: checked below)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_aq_is_in_an_earlier_family() -> None:
    """AQ is written in new words: none of its organisations (but the state's and the
    courts'), people, streets, settings' words or titles appears in the modules of A-Z, G,
    E, F, I, J, AA to AL, AN, AO and AP, nor most of its labels (real letters share the
    plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    aq = corpus_blind_aq
    orgs = [o for o in vars(aq).values() if isinstance(o, aq.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in aq.PEOPLE),
        *(street for street, _, _ in aq.ADDRESSES),
        "What it comes to", "Net pay into your account", "Unsocial hours enhancement", "High cost area supplement",
        "Duties worked", "Platform hours", "Spread-over payments", "Lewisham", "Catford", "Deptford", "Brockley",
        "Ladywell", "Sydenham", "Hither Green", "Honor Oak", "Bellingham", "Crofton Park", "Rushey Green",
        "thermometer", "hexagon", "byline", "standfirst", "gingham", "fingerprint",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) * 12 // 100, shared


def test_every_true_value_is_printed_on_the_document(every: list[AQSample]) -> None:
    for sample in every:
        for text in (aq_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(every: list[AQSample]) -> None:
    """Every word inside its page's margins (3%), and no two words of a line touching."""
    assert_words_on_page(every, {s.name: aq_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AQSample]) -> None:
    sample = family[2]
    clean = np.asarray(corpus_blind_aq._draw(sample, 0, SCANS[0].dpi).convert("L"), dtype=float)
    smeared = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert smeared.ndim == 2
    assert smeared.shape[0] >= clean.shape[0]
    photo = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    assert photo.ndim == 3
    edge = photo[: photo.shape[0] // 40, :, :]
    assert (edge[..., 0] - edge[..., 1]).mean() > 25  # the red of the tablecloth round the page
    prints = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    plain_page = np.asarray(
        corpus_blind_aq._draw(sample, 0, SCANS[2].dpi).convert("L"), dtype=float
    )
    assert prints.ndim == 2
    assert prints.mean() < plain_page.mean() - 0.3  # the fingerprints darken the margins
    data, fmt, _ = aq_scanned(sample, 0)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    from PIL import Image

    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aq_scanned(sample, 3)
    assert (fmt, data[:4]) == ("png", b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aq_scanned(sample, 1)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    assert Image.open(io.BytesIO(data)).info.get("progressive")
    data, fmt, _ = aq_scanned(sample, 2)
    assert (fmt, data[:5]) == ("pdf", b"%PDF-")


def test_the_smear_and_the_fingerprints_spare_every_true_value(family: list[AQSample]) -> None:
    """The rows the hand smeared hold no word of a true value; the fingerprints keep to the
    margins (the middle of the page is untouched)."""
    for sample in family[:12]:
        free = corpus_blind_aq._free_rows(sample, 0)
        text_rows = [" ".join(c.text for c in r) for r in sample.pages[0]]
        for k in free:
            assert values_in_text(sample.truth, text_rows[k])[0] == 0, sample.name
    sample = family[4]
    clean = np.asarray(corpus_blind_aq._draw(sample, 0, SCANS[2].dpi).convert("L"), dtype=float)
    rng_image = corpus_blind_aq._prints(corpus_blind_aq._draw(sample, 0, SCANS[2].dpi), sample, 0, SCANS[2].dpi, __import__("random").Random(5), 0.0)  # fmt: skip
    marked = np.asarray(rng_image, dtype=float)
    h, w = clean.shape
    middle = (slice(h // 8, h - h // 8), slice(w // 8, w - w // 8))
    assert np.abs(marked[middle] - clean[middle]).mean() < 3


def digest() -> str:
    samples = build_aq(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{aq_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_aq") == digest()


def test_family_aq_is_trained_on_only_as_a_read_family() -> None:
    """AQ is seen since round 39 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AQ" in read_families.READ
    assert "corpus_blind_aq" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_aq", "AQ")


# -- the reader on AQ (seen since round 39, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def aq_score(
    family: list[AQSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 70% (21/30), original creditor 2/2, reference 29/30, "
    "balance 29/30, letter date 29/36, deadline 19/24, claim no. 4/4, payer 4/4, income 4/4, "
    "gross 2/2, frequency 4/4, served 2/2 (branch corpusaq off ce4b1e79 = main after AP's "
    "merge, shipped classifier and field ranker; on 76 documents class 74/76, creditor "
    "42/60, letter date 57/72, deadline 35/46: benchmarks/OCR.md, 'Family AQ')"
)
"""The first measurement (38 documents here): every floor met but the creditor, the letter
date and the deadline."""
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (38, 38), "creditor_name": (30, 30), "original_creditor": (2, 2),
    "account_reference": (30, 30), "balance_pence": (29, 30), "letter_date": (36, 36),
    "deadline_date": (24, 24), "court_claim_number": (4, 4), "payer_name": (4, 4),
    "income_pence": (4, 4), "gross_pence": (2, 2), "frequency": (4, 4), "served_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field after round 39 (training-side; raised from the first
measurement, blind: FIRST): the floors below."""
UNMET = frozenset({"creditor_name", "letter_date", "deadline_date"})
"""The issue's floors not met at the first measurement, blind (strict xfails until round
39; since, only those still unmet: ``STILL_UNMET``)."""
TARGETS = ("document_class", *corpus.FIELDS)


def test_family_aq_is_read_at_least_as_well_as_first_measured(aq_score: Score) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails;
    a rise is welcome: raise the floor)."""
    print("\n" + aq_score.table("family AQ (seen since round 39), perfect text"))
    assert aq_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, (hits, total) in MEASURED.items():
        assert aq_score.totals[field] == total, field
        assert aq_score.hits[field] >= hits, (field, aq_score.hits[field], hits)


ROUND_39 = "every floor met (rules of round 39, models 2026-12-06.34); counts in MEASURED"
"""After round 39, which read AQ's misses (training-side)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 39 (strict xfails); every other is a plain
assertion."""


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, STILL_UNMET, f"AQ after round 39, under the issue's floor: {ROUND_39}"),
)
def test_family_aq_meets_the_floor(aq_score: Score, field: str) -> None:
    """Seen since round 39, so a regression check of a training-side figure: ROUND_39
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(aq_score.accuracy(field), field), field
