"""Family X (``corpus_blind_x.py``), written blind in a thirteenth hand (its organisations
and wording new to A-V) and measured blind on rounds 13, 14 and 15; seen since round 16,
which read its misses and trains on it as a read family (``read_families``): the family
itself (every class, ground truth printed, deterministic, laid out on the page) and the
reader measured on it on perfect text, as the product reads (the shipped classifier and
field ranker). The OCR sample is in tests/integration/ocr/test_blind_family_x_ocr.py; the
figures are in benchmarks/OCR.md ("Family X", "Round 16"). Being seen, X's figures here
are training-side figures. Two documents a class keep this module to a few seconds; the
benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import re
from importlib import import_module
from typing import cast

import pytest
from PIL import Image, ImageStat
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_x, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_x import (
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    XSample,
    XScan,
    build_x,
    hyphened,
    overdrawn,
    page_size,
    render,
    values_in_text,
    x_pages,
    x_scanned,
    x_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-V (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[XSample]:
    return build_x(2)


@pytest.fixture(scope="module")
def texts(family: list[XSample]) -> dict[str, str]:
    return {s.name: x_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[XSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: x_pages(s) for s in family}


def test_every_class_has_family_x_with_the_fields_it_yields(
    family: list[XSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in build_x(4)} == set(DocumentClass)
    assert len(build_x(4)) >= 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":X")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    every = "\n".join(texts.values())
    assert "CYMRAEG" in every  # the bilingual halves
    assert "ENGLISH" in every
    assert "Yn gywir / Yours sincerely" in every
    assert "Total to repay" in every  # the payment-plan schedule
    assert re.search(r"Instalment 3 ", every)
    assert "Part 3 - What happens now" in every  # the tick-box form
    assert re.search(r"£[\d,]+-\d\d\b", every)  # its hyphenated pence
    assert re.search(r"\b\d\d / \d\d / \d{4}\b", every)  # its spaced dates
    assert "Our earlier contact with you" in every  # the chronology
    assert "REMINDER" in every  # the dark band
    assert "In brief" in every  # side headings in the margin
    assert "Why we write" in every
    assert "SLIP CYFLOG / PAYSLIP" in every
    assert re.search(r"\d\.\d\d o/d", every)  # an overdrawn balance
    assert any(len(s.pages) == 2 for s in family)
    assert any(r.fill is not None and r.fill < 128 for s in family for p in s.rects for r in p)
    assert {s.style.face for s in family} == {"roman", "sans", "cond"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "Fri, 4 Dec 2026",
        "04 / 12 / 2026",
        "04-12-26",
    ]
    assert hyphened(123_456) == "£1,234-56"
    assert hyphened(5) == "£0-05"
    assert overdrawn(123_456) == "1,234.56 o/d"


def _money(text: str) -> list[int]:
    return [
        int(m[1].replace(",", "")) * 100 + int(m[2])
        for m in re.finditer(r"£([\d,]+)[.-](\d\d)", text)
    ]


def test_a_schedule_totals_what_is_owed_and_no_instalment_is_it() -> None:
    seen = 0
    for sample in build_x(4):
        text = x_text(sample)
        if "Total to repay" not in text:
            continue
        seen += 1
        owed = sample.truth.balance_pence
        lines = [line for line in text.splitlines() if line.startswith("Instalment ")]
        amounts = [_money(line)[-1] for line in lines]
        assert len(amounts) >= 4, sample.name
        assert sum(amounts) == owed, sample.name
        assert owed not in amounts, sample.name
        total = next(line for line in text.splitlines() if line.startswith("Total to repay"))
        assert _money(total) == [owed], sample.name
    assert seen >= 8


def test_earlier_correspondence_is_dated_before_the_letter() -> None:
    """The chronology's dates are all earlier than the letter's, and none is a deadline."""
    seen = 0
    for sample in build_x(4):
        text = x_text(sample)
        if "Our earlier contact with you" not in text:
            continue
        seen += 1
        table = text.split("Our earlier contact with you", 1)[1].split("We have not had", 1)[0]
        rows = [line for line in table.splitlines() if line.strip()]
        assert len(rows) >= 2, sample.name
        for row in rows:
            truth = corpus.Truth(document_class=C.OTHER, letter_date=sample.truth.letter_date)
            assert values_in_text(truth, row) == (0, 1), sample.name
            if sample.truth.deadline_date:
                by = corpus.Truth(document_class=C.OTHER, deadline_date=sample.truth.deadline_date)
                assert values_in_text(by, row) == (0, 1), sample.name
    assert seen >= 8


def test_a_bilingual_letter_states_its_values_in_both_halves() -> None:
    seen = 0
    for sample in build_x(4):
        text = x_text(sample)
        if "CYMRAEG" not in text:
            continue
        seen += 1
        welsh, english = text.split("ENGLISH", 1)
        welsh = welsh.split("CYMRAEG", 1)[1]
        got = values_in_text(sample.truth, english)
        assert got[0] == got[1], sample.name
        cls = sample.truth.document_class
        key = "income_pence" if cls is C.BENEFIT_AWARD else "balance_pence"
        value = corpus.Truth(document_class=C.OTHER, **{key: getattr(sample.truth, key)})
        assert values_in_text(value, welsh) == (1, 1), sample.name
    assert seen >= 8


def phrases() -> tuple[list[str], list[str]]:
    """X's own wording as written in ``corpus_blind_x`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_x))):
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


STATE = ("Department for Work and Pensions", "HM Revenue and Customs", "The Pension Service")
"""Public bodies every family may name: not X's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_x_is_in_an_earlier_family() -> None:
    """X is written in new words: none of its organisations (but the DWP), people, streets
    or titles appears in the modules of A-V, nor most of its labels (real letters share
    the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    x = corpus_blind_x
    orgs = [o for o in vars(x).values() if isinstance(o, x.Org)]
    orgs += [o for v in vars(x).values() if isinstance(v, tuple) for o in v if isinstance(o, x.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(o.cy for o in orgs if o.cy),
        *(f"{first} {surname}" for _, first, surname in x.PEOPLE),
        *(street for street, _, _ in x.ADDRESSES),
        "Our earlier contact with you", "Total to repay", "Part 3 - What happens now",
        "Yn gywir / Yours sincerely", "SLIP CYFLOG / PAYSLIP",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 30
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 4, shared


def test_every_true_value_is_printed_on_the_document() -> None:
    for sample in build_x(4):
        for text in (x_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[XSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    every = build_x(4)
    assert_words_on_page(every, {s.name: x_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[XSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders; the turn widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003
        assert scan.dpi in (180, 250, 300)
    folded = render(single, 0, SCANS[0])
    w, h = folded.size
    flat = render(single, 0, XScan(dpi=250, skew=0.6, noise=0.0002))
    for k in (1, 2):  # two creases across the page, a third and two thirds down
        box = (0, h * k // 3 - 40, w, h * k // 3 + 40)
        assert ImageStat.Stat(folded.crop(box)).mean[0] < ImageStat.Stat(flat.crop(box)).mean[0]
    sharp = render(single, 0, XScan(dpi=180, skew=-0.35, ink=55, paper=230))
    smeared = render(single, 0, SCANS[1])
    assert ImageStat.Stat(smeared).stddev[0] < ImageStat.Stat(sharp).stddev[0]
    carbon = render(single, 0, SCANS[2])
    assert any(150 < v < 230 and n for v, n in enumerate(carbon.histogram()))  # the ghost
    banded = next(s for s in family if any(r.fill is not None for r in s.rects[0]))
    top = render(banded, 0, SCANS[0]).crop((400, 80, 1600, 150))
    low, high = cast(tuple[int, int], top.getextrema())
    assert low < 80  # the dark band
    assert high > 200  # its white letters
    data, fmt, _ = x_scanned(single, 1)
    assert fmt == "tiff"
    assert data[:4] in (b"II*\x00", b"MM\x00*")
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(180)
    data, fmt, _ = x_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = x_scanned(single, 2)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = x_scanned(two, 1)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_x(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{x_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_x") == digest()


def test_family_x_is_trained_on_only_as_a_read_family() -> None:
    """X is seen since round 16 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "X" in read_families.READ
    assert "corpus_blind_x" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_x", "X")


# -- the reader on X (seen since round 16, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def x_score(
    family: list[XSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 100% (30/30), original creditor 2/2, reference 93% (28/30), "
    "balance 87% (26/30), letter date 47% (17/36), deadline 33% (8/24), claim no. 4/4, "
    "payer 4/4, income 4/4, gross 2/2, frequency 3/4, served 0/2 (branch corpusx off 37b6238 "
    "= main's round-13 reader, shipped classifier and field ranker 2026-12-04.13; on 76 "
    "documents: benchmarks/OCR.md, 'Family X')"
)
"""The first measurement (38 documents here), blind."""
ROUND_16 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 16 (rules + classifier and field ranker 2026-12-05.16, trained
with X). Blind before: the balance, both dates and the served date met the floor with
round 15, the frequency (3/4) with round 16."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"balance_pence": 0.6, "letter_date": 0.25, "deadline_date": 0.15}
"""Well under the first measurement of the fields under their floor (but the two served
dates, none read): a collapse, not a small loss."""


def test_family_x_is_read_above_a_collapse_floor(x_score: Score) -> None:
    print("\n" + x_score.table("family X (seen since round 16), perfect text"))
    assert x_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (x_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_x_meets_the_floor(x_score: Score, field: str) -> None:
    """Seen since round 16 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_16 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(x_score.accuracy(field), field), field
