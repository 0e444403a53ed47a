"""Family AB (``corpus_blind_ab.py``), written blind in a twenty-second hand (its
organisations and wording new to A-Z, G, E, F, I, J and AA) and measured blind on rounds 20
to 26; seen since round 27, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page, each setting as it says) and the reader measured on it on perfect
text, as the product reads (the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_ab_ocr.py; the figures are in benchmarks/OCR.md
("Family AB", "Round 27"). Being seen, AB's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import calendar
import datetime as dt
import hashlib
import inspect
import io
import re
from importlib import import_module

import numpy as np
import pytest
from PIL import Image, ImageDraw
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_ab,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ab import (
    DATE_SHAPES,
    SCANS,
    SHEET_X,
    TEMPLATES,
    ABSample,
    ab_pages,
    ab_scanned,
    ab_text,
    build_ab,
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
           "corpus_blind_j", "corpus_blind_aa", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J and AA (and the statements corpus); the
blind ones' sources are only searched by the new-words test, never read by AB's author
(but AA's, read for its conventions as the task allowed)."""


@pytest.fixture(scope="module")
def family() -> list[ABSample]:
    return build_ab(2)


@pytest.fixture(scope="module")
def every() -> list[ABSample]:
    return build_ab(4)


@pytest.fixture(scope="module")
def texts(family: list[ABSample]) -> dict[str, str]:
    return {s.name: ab_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ABSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ab_pages(s) for s in family}


def test_every_class_has_family_ab_with_the_fields_it_yields(
    family: list[ABSample], every: list[ABSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AB")
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
    assert "- Live Help" in text  # the chat
    assert "Chat ID" in text
    assert ".xlsx" in text  # the spreadsheet
    assert "Printed from Sheet1" in text
    assert "Your dates this month:" in text  # the calendar
    assert "cut out and keep" in text  # the payment card
    assert "PAYMENT CARD" in text
    assert "How far along you are" in text  # the progress bar
    assert "What to do now" in text  # the checklist
    assert "Take-home pay" in text
    assert "Closing balance" in text
    assert re.search(r"\b\d\d[A-Z]{3}\d\d\b", text)
    assert re.search(r"\b[A-Z][a-z]+day the \d{1,2}(st|nd|rd|th) of [A-Z][a-z]+ \d{4}\b", text)
    assert re.search(r"\b\d{4}\.\d\d\.\d\d\b", text)
    assert {s.style.face for s in family} == {"carlito", "libserif", "bookman"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "04DEC26",
        "Friday the 4th of December 2026",
        "2026.12.04",
    ]
    assert DATE_SHAPES[1](dt.date(2026, 1, 22)) == "Thursday the 22nd of January 2026"
    assert DATE_SHAPES[1](dt.date(2026, 1, 11)) == "Sunday the 11th of January 2026"
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "03SEP25"
    assert plain(123_456) == "1,234.56"


def _amounts(line: str) -> list[int]:
    found = re.finditer(r"(-?[\d,]+)\.(\d\d)\b", line)
    out = []
    for m in found:
        whole = int(m[1].replace(",", "").replace("-", ""))
        out.append((-1 if m[1].startswith("-") else 1) * (whole * 100 + int(m[2])))
    return out


def _cells(sample: ABSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_carries_its_running_balance(every: list[ABSample]) -> None:
    """Every transaction row's balance (minus when overdrawn) is the last one's less money
    out and plus money in, from the opening balance to the closing one."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = [r for r in _cells(sample) if r and re.fullmatch(r"\d\d\.\d\d", r[0].text)]
        assert rows[0][1].text == "Opening balance", sample.name
        assert rows[-1][1].text == "Closing balance", sample.name
        running = _amounts(rows[0][-1].text)[0]
        for row in rows[1:-1]:
            out = _amounts(row[3].text)[0] if row[3].text else 0
            paid_in = _amounts(row[4].text)[0] if row[4].text else 0
            running += paid_in - out
            assert _amounts(row[-1].text)[0] == running, sample.name
        assert _amounts(rows[-1][-1].text)[0] == running, sample.name
    assert seen == 4


def test_sheets_number_their_rows_and_add_up(every: list[ABSample]) -> None:
    """A spreadsheet's rows are numbered 1, 2, 3 ... down column A's left; its breakdown
    adds up to the total, which is the sum owed."""
    seen = 0
    for sample in every:
        if "Printed from Sheet1" not in ab_text(sample):
            continue
        seen += 1
        rows = _cells(sample)
        numbers = [
            int(r[0].text)
            for r in rows
            if r and r[0].align == "right" and r[0].x == SHEET_X[1] - 0.008
        ]
        assert numbers == list(range(1, len(numbers) + 1)), sample.name
        assert len(numbers) >= 8, sample.name
        if sample.truth.balance_pence is None:
            continue
        texts = [(r[1].text, r[-1].text) for r in rows if len(r) >= 4]
        start = next(n for n, (label, _) in enumerate(texts) if label == "Made up of")
        parts = []
        for label, value in texts[start + 1 :]:
            if label == "Total":
                assert sum(parts) == _amounts(value)[0] == sample.truth.balance_pence, sample.name
                break
            parts.append(_amounts(value)[0])
        else:
            raise AssertionError(sample.name)
    assert seen >= 10


def test_calendars_mark_the_day_and_progress_adds_up(every: list[ABSample]) -> None:
    kinds = {"calendar": 0, "progress": 0}
    for sample in every:
        text = ab_text(sample)
        rows = _cells(sample)
        if "Your dates this month:" in text:
            kinds["calendar"] += 1
            (month,) = re.findall(r"Your dates this month: ([A-Z][a-z]+ \d{4})", text)
            first = dt.datetime.strptime(month, "%B %Y").date()
            days = calendar.monthrange(first.year, first.month)[1]
            grid = [
                c.text
                for r in rows
                for c in r
                if c.align == "right" and c.x < 0.45 and re.fullmatch(r"\[?\d{1,2}[\]*]?", c.text)
            ]
            assert [int(d.strip("[]*")) for d in grid] == list(range(1, days + 1)), sample.name
            marked = [d for d in grid if d.startswith("[")]
            if sample.truth.deadline_date is not None:
                assert marked == [f"[{sample.truth.deadline_date.day}]"], sample.name
                assert sample.truth.deadline_date.month == first.month, sample.name
        if "How far along you are" in text:
            kinds["progress"] += 1
            (row,) = [
                r
                for r in rows
                if len(r) == 3 and r[0].text and r[2].bold and r[0].text[0].isdigit()
            ]
            paid, total, left = (_amounts(c.text)[0] for c in row)
            assert paid + left == total, sample.name
            assert left == sample.truth.balance_pence, sample.name
    assert min(kinds.values()) >= 8, kinds


def test_a_chat_times_its_turns_and_the_agent_gives_the_sum(every: list[ABSample]) -> None:
    seen = 0
    for sample in every:
        text = ab_text(sample)
        if "- Live Help" not in text:
            continue
        seen += 1
        stamps = re.findall(r"^(\d\d):(\d\d)\s", text, re.M)
        minutes = [int(h) * 60 + int(m) for h, m in stamps]
        assert minutes == sorted(minutes), sample.name
        assert len(minutes) >= 6, sample.name
        if sample.truth.balance_pence is not None:
            older = re.search(r"said I owed £([\d,]+\.\d\d)", text)
            assert older, sample.name
            assert _amounts(older[1])[0] != sample.truth.balance_pence, sample.name
    assert seen >= 10


def phrases() -> tuple[list[str], list[str]]:
    """AB's own wording as written in ``corpus_blind_ab`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ab))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "ref_label":
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign) and isinstance(node.value, ast.List):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not AB's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ab_is_in_an_earlier_family() -> None:
    """AB is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J and AA, nor most of its
    labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ab = corpus_blind_ab
    orgs = [o for o in vars(ab).values() if isinstance(o, ab.Org)]
    orgs += [
        o for v in vars(ab).values() if isinstance(v, tuple) for o in v if isinstance(o, ab.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ab.PEOPLE),
        *(street for street, _, _ in ab.ADDRESSES),
        "Your dates this month", "How far along you are", "cut out and keep", "Live Help",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[ABSample]) -> None:
    for sample in every:
        for text in (ab_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ABSample], every: list[ABSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ab_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ABSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    width, height = page_size(single, SCANS[0].dpi)
    sent = render(single, 0, SCANS[0], seed=3)
    assert sent.mode == "RGB"
    assert sent.size[0] > width  # turned
    stripes = Image.new("RGB", (400, 900), (255, 255, 255))
    ImageDraw.Draw(stripes).rectangle((0, 0, 400, 900), fill=None)
    for x in range(0, 400, 8):
        ImageDraw.Draw(stripes).line((x, 0, x, 900), fill=(0, 0, 0), width=3)
    sharp = np.asarray(
        corpus_blind_ab._messaged(stripes, __import__("random").Random(1), 0).convert("L"),
        dtype=float,
    )
    edges = np.abs(np.diff(sharp, axis=1))
    assert edges[20:120].mean() < 0.9 * edges[700:800].mean()  # the top out of focus
    inkjet = render(single, 0, SCANS[1], seed=3)
    assert inkjet.mode == "RGB"
    pixels = np.asarray(inkjet)[height // 4 : height // 2, width // 10 : width // 2].reshape(-1, 3)
    inked = pixels[pixels.sum(axis=1) < 300].astype(int)
    assert len(inked)
    assert (inked[:, 0] - inked[:, 2]).mean() > 15  # brown, not black
    two = render(single, 0, SCANS[2], seed=3)
    assert two.mode == "L"
    _, th = page_size(single, SCANS[2].dpi)
    assert two.size[0] > two.size[1]  # landscape
    right = np.asarray(two)[th // 4 : th * 3 // 4, two.size[0] * 3 // 5 : two.size[0] * 9 // 10]
    assert right.min() > 200  # the right half blank
    data, fmt, _ = ab_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ab_scanned(single, 1)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ab_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ab_scanned(single, 2)
    assert fmt == "tiff"
    assert Image.open(io.BytesIO(data)).info["compression"] == "raw"


def test_blocked_nozzles_leave_pale_lines() -> None:
    """A black page comes out brown, with pale rows every NOZZLE_GAP inches."""
    page = Image.new("RGB", (300, 600), (0, 0, 0))
    out = np.asarray(corpus_blind_ab._nozzles(page, __import__("random").Random(5), 300), dtype=int)
    rows = out.sum(axis=2).mean(axis=1)
    pale = np.flatnonzero(rows > rows.min() + 200)
    assert len(pale) >= 600 // round(corpus_blind_ab.NOZZLE_GAP * 300) - 1
    assert set(np.diff(pale)) == {round(corpus_blind_ab.NOZZLE_GAP * 300)}


def digest() -> str:
    samples = build_ab(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ab_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ab") == digest()


def test_family_ab_is_trained_on_only_as_a_read_family() -> None:
    """AB is seen since round 27 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AB" in read_families.READ
    assert "corpus_blind_ab" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ab", "AB")


# -- the reader on AB (seen since round 27, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ab_score(
    family: list[ABSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 90% (27/30), original creditor 2/2, reference 73% (22/30), "
    "balance 80% (24/30), letter date 67% (24/36), deadline 67% (16/24), claim no. 4/4, "
    "payer 2/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusab off "
    "3b1eff9 = main's round-20 reader, shipped classifier and field ranker 2026-12-05.20; "
    "on 76 documents: benchmarks/OCR.md, 'Family AB')"
)
"""The first measurement, blind (38 documents here)."""
ROUND_27 = (
    "class 38/38 and every field 100% (creditor 30/30, reference 30/30, balance 30/30, payer "
    "4/4 ...): rules of round 27, models 2026-12-05.26 and .27"
)
"""As shipped after round 27, which read AB's misses (training-side): the reference, the
balance and the payer meet their floors (plain assertions; a sheet's row numbers and print
header, a chat's own number and channel, a calendar's week, what is left to pay)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the first measurement of the fields that every debt letter states (90%, 80%
and 67% here at the first, blind measurement): a collapse, not a small loss."""


def test_family_ab_is_read_above_a_collapse_floor(ab_score: Score) -> None:
    print("\n" + ab_score.table("family AB (seen since round 27), perfect text"))
    assert ab_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ab_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ab_meets_the_floor(ab_score: Score, field: str) -> None:
    """Seen since round 27, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_27 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(ab_score.accuracy(field), field), field
