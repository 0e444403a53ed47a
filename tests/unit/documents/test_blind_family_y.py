"""Held-out family Y (``corpus_blind_y.py``), written blind in a fourteenth hand: the
family itself (every class, ground truth printed, deterministic, laid out on the page, its
organisations and wording new to A-X, never trained on) and the reader measured on it on
perfect text, as the product reads (the shipped classifier and field ranker). The OCR
sample is in tests/integration/ocr/test_blind_family_y_ocr.py; the figures are in
benchmarks/OCR.md ("Family Y").

Only aggregate figures are printed here: Y's individual misses are not written down, so
that Y stays blind for whoever changes the reader next. Two documents a class keep this
module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import re
from importlib import import_module

import pytest
from PIL import Image, ImageStat
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    amounts_pence,
    assert_never_trained_on,
    assert_words_on_page,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_y, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_y import (
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    YSample,
    YScan,
    build_y,
    page_size,
    plain,
    render,
    values_in_text,
    y_pages,
    y_scanned,
    y_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-X (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[YSample]:
    return build_y(2)


@pytest.fixture(scope="module")
def texts(family: list[YSample]) -> dict[str, str]:
    return {s.name: y_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[YSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: y_pages(s) for s in family}


def test_every_class_has_family_y_with_the_fields_it_yields(
    family: list[YSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in build_y(4)} == set(DocumentClass)
    assert len(build_y(4)) >= 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":Y")
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
    assert "Summary of your account" in every  # the boxed summary at the foot
    assert "Answers to the numbered questions" in every  # the grid of numbered questions
    assert re.search(r"^4 +\S", every, re.M)
    assert "PAYMENT SLIP" in every  # the slip on the right
    assert "Cut off, send with payment" in every
    assert "continued overleaf" in every  # two pages, the reference in page 2's header
    assert re.search(r"^Our ref: +\S+\nYour ref:\s*\n", every, re.M)  # "Your ref" empty
    assert re.search(r"^Our ref: +\S+\nYour ref: +\S+", every, re.M)  # or the account
    assert re.search(r" as at ", every)  # the callout
    assert "Balance carried forward" in every
    assert "STATEMENT OF WAGES" in every
    assert "Pay advice - private and confidential" in every
    assert re.search(r"\b\d\d\.\d\d\.\d{4}\b", every)  # the forms' dotted dates
    assert any(len(s.pages) == 2 for s in family)
    assert {s.style.face for s in family} == {"light", "heavy"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "Friday, 4th December 2026",
        "04.12.2026",
        "4 DEC 2026",
    ]
    days = (1, 2, 3, 11, 12, 13, 21, 22, 23)
    assert [DATE_SHAPES[0](dt.date(2026, 12, d)).split()[1] for d in days] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "23rd",
    ]  # fmt: skip
    assert plain(123_456) == "1,234.56"


def test_a_statement_carries_forward_its_running_balance() -> None:
    """Every row's balance is the last one's plus what came in less what went out; the last
    row is "Balance carried forward" with the closing balance; a second page opens with
    it brought forward."""
    seen = 0
    for sample in build_y(4):
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = [line for line in y_text(sample).splitlines() if line.strip()]
        rows = [line for line in lines if re.search(r"\d\.\d\d$", line)]
        assert "Balance brought forward" in rows[0], sample.name
        assert "Balance carried forward" in rows[-1], sample.name
        running = amounts_pence(rows[0])[-1]
        for row in rows[1:]:
            amounts = amounts_pence(row)
            if "forward" in row:
                assert amounts[-1] == running, sample.name
                continue
            change = amounts[0] if len(amounts) == 2 else 0
            assert amounts[-1] in (running - change, running + change), sample.name
            running = amounts[-1]
        if len(sample.pages) == 2:
            assert y_text(sample).count("Balance carried forward") == 2, sample.name
    assert seen == 4


def test_the_two_page_letters_name_their_reference_only_on_page_two() -> None:
    seen = 0
    for sample in build_y(4):
        if len(sample.pages) != 2 or sample.truth.document_class is C.BANK_STATEMENT:
            continue
        seen += 1
        header = " ".join(cell.text for cell in sample.pages[1][0])
        ref = header.split("  -  ")[1].split()[0]
        first = y_pages(sample)[0].text
        assert ref not in first, sample.name
        assert ref in y_pages(sample)[1].text, sample.name
    assert seen >= 8


def test_the_slip_and_the_summary_hold_the_reference_and_the_sum() -> None:
    seen = 0
    for sample in build_y(4):
        text = y_text(sample)
        for head in ("PAYMENT SLIP", "Summary of your account"):
            if head not in text or sample.truth.balance_pence is None:
                continue
            seen += 1
            if head == "PAYMENT SLIP":  # the slip's cells only, right of the letter
                part = "\n".join(
                    " ".join(c.text for c in row if c.x >= 0.65) for row in sample.pages[0]
                )
            else:  # the box below the signature
                part = text.split(head, 1)[1]
            truth = corpus.Truth(document_class=C.OTHER, balance_pence=sample.truth.balance_pence)
            assert values_in_text(truth, part) == (1, 1), sample.name
    assert seen >= 8


def phrases() -> tuple[list[str], list[str]]:
    """Y's own wording as written in ``corpus_blind_y`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_y))):
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
"""Public bodies every family may name: not Y's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_y_is_in_an_earlier_family() -> None:
    """Y is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-X, nor most of its labels (real letters
    share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    y = corpus_blind_y
    orgs = [o for o in vars(y).values() if isinstance(o, y.Org)]
    orgs += [o for v in vars(y).values() if isinstance(v, tuple) for o in v if isinstance(o, y.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in y.PEOPLE),
        *(street for street, _, _ in y.ADDRESSES),
        "Summary of your account", "Answers to the numbered questions",
        "Cut off, send with payment", "Pay advice - private and confidential", "STATEMENT OF WAGES",
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
    for sample in build_y(4):
        for text in (y_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[YSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    every = build_y(4)
    assert_words_on_page(every, {s.name: y_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[YSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders; the turn widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003
        assert scan.dpi in (200, 220, 240)
    creased = render(single, 0, SCANS[0])
    flat = render(single, 0, YScan(dpi=200, skew=0.4, noise=0.0002))
    w, h = creased.size
    band = (w // 2 - 20, h // 3, w // 2 + 40, 2 * h // 3)  # the shadow down the middle
    assert ImageStat.Stat(creased.crop(band)).mean[0] < ImageStat.Stat(flat.crop(band)).mean[0] - 5
    clean = render(single, 0, YScan(dpi=240, skew=-0.5, ink=50, paper=232))
    streaked = render(single, 0, SCANS[1], seed=3)
    assert ImageStat.Stat(streaked).mean[0] < ImageStat.Stat(clean).mean[0]
    photo = render(single, 0, SCANS[2])
    square = render(single, 0, YScan(dpi=220, skew=2.5, ink=40, paper=226, noise=0.0003, jpeg=True))
    # the perspective: the top corners pulled in, more of the background shows up there
    corner = (0, 0, 80, 200)
    assert ImageStat.Stat(photo.crop(corner)).mean != ImageStat.Stat(square.crop(corner)).mean
    data, fmt, _ = y_scanned(single, 2)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = y_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = y_scanned(single, 1)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = y_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_y(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{y_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_y") == digest()


def test_family_y_is_never_used_to_train_or_calibrate() -> None:
    assert_never_trained_on("corpus_blind_y", "Y")


# -- the reader on Y (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def y_score(
    family: list[YSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 93% (28/30), original creditor 2/2, reference 97% (29/30), "
    "balance 93% (28/30), letter date 97% (35/36), deadline 100% (24/24), claim no. 4/4, "
    "payer 3/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusy off 96766ad "
    "= main's round-14 reader, shipped classifier and field ranker 2026-12-04.14; on 76 "
    "documents: benchmarks/OCR.md, 'Family Y')"
)
"""The first measurement (38 documents here)."""
UNMET: frozenset[str] = frozenset()
"""The floors not met now (strict xfails below). The payer, under its floor at the first
measurement, is met since round 31's rules (which read AD, not Y)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"payer_name": 0.5, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the field under its floor (and of the two that
every debt letter states): a collapse, not a small loss."""


def test_family_y_is_read_above_a_collapse_floor(y_score: Score) -> None:
    print("\n" + y_score.table("held-out family Y (written blind), perfect text"))
    assert y_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (y_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, UNMET, f"Y blind, first measurement under the issue's floor: {FIRST}"),
)
def test_family_y_meets_the_floor(y_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(y_score.accuracy(field), field), field
