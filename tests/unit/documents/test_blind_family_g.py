"""Family G (``corpus_blind_g.py``), written blind in a sixteenth hand (its organisations
and wording new to A-Z) and measured blind on rounds 15 and 16; seen since round 17, which
read its misses and trains on it as a read family (``read_families``): the family itself
(every class, ground truth printed, deterministic, laid out on the page) and the reader
measured on it on perfect text, as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_g_ocr.py; the figures
are in benchmarks/OCR.md ("Family G", "Round 17"). Being seen, G's figures here are
training-side figures. Two documents a class keep this module to a few seconds; the
benchmark reads four."""

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
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_g, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_g import (
    DATE_SHAPES,
    PALE,
    SCANS,
    TEMPLATES,
    WATERMARK,
    GSample,
    build_g,
    g_pages,
    g_scanned,
    g_text,
    page_size,
    pay_string,
    plain,
    render,
    spaced,
    values_in_text,
)
from cma_adapters.rules_assistant.corpus_print import PrintCell
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_y", "corpus_blind_z",
           "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-Z (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[GSample]:
    return build_g(2)


@pytest.fixture(scope="module")
def every() -> list[GSample]:
    return build_g(4)


@pytest.fixture(scope="module")
def texts(family: list[GSample]) -> dict[str, str]:
    return {s.name: g_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[GSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: g_pages(s) for s in family}


def test_every_class_has_family_g_with_the_fields_it_yields(
    family: list[GSample], every: list[GSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":G")
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
    assert "F I N A L   N O T I C E" in text  # the watermark
    assert "Pull here to open" in text  # the mailer, its folds and its panel
    assert "fold" in text.split()
    assert "Your account" in text.splitlines()
    assert re.search(r'^\(a\) +"the [\w ]+" means ', text, re.M)  # the definitions
    assert "Signed in as" in text  # the portal printout
    assert re.search(r"^\d\d/\d\d/\d{4}, \d\d:\d\d", text, re.M)
    assert "https://" in text
    assert "Direct Debit Guarantee" in text  # the Direct Debit Instruction
    assert "Service user number" in text
    assert "Pay in seconds" in text  # the payment code
    assert "Other ways to pay" in text
    assert re.search(r"\b\d\d-[A-Z]{3}-\d{4}\b", text)
    assert re.search(r"\b\d\d/\d\d/\d{4}\b", text)
    assert any(len(s.pages) == 2 for s in every)
    assert {s.style.face for s in family} == {"bookman", "schoolbook", "narrow"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4 December 2026",
        "04/12/2026",
        "4 Dec 2026",
        "Friday 4 December 2026",
        "04-DEC-2026",
    ]
    assert plain(123_456) == "1,234.56"
    assert spaced("FINAL NOTICE") == "F I N A L   N O T I C E"
    assert pay_string(corpus_blind_g.ENERGY, "12 34", 100_005) == "GBP 1000.05  REF 1234  TO GPEL"


def test_every_letter_is_dated_on_a_working_day(every: list[GSample]) -> None:
    dates = [s.truth.letter_date for s in every if s.truth.document_class is not C.OTHER]
    assert all(date is not None and date.weekday() < 5 for date in dates)


def test_a_statement_carries_its_running_balance(every: list[GSample]) -> None:
    """Every transaction row's balance is the last one's plus or minus its amount, from the
    balance brought forward to the closing balance."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = g_text(sample).splitlines()
        start = next(n for n, line in enumerate(lines) if "Balance brought forward" in line)
        rows = [line for line in lines[start + 1 :] if re.search(r"\d\.\d\d$", line)]
        running = amounts_pence(lines[start])[-1]
        for row in rows[:-1]:
            change, after = amounts_pence(row)
            assert after in (running - change, running + change), sample.name
            running = after
        assert "Closing balance" in rows[-1], sample.name
        assert amounts_pence(rows[-1]) == [running], sample.name
    assert seen == 4


def _body(sample: GSample) -> list[str]:
    page = sample.pages[0]
    return [" ".join(c.text for c in row) for row in page[: sample.feet[0] or len(page)]]


def test_the_definitions_give_each_value_once_and_the_prose_only_its_term(
    every: list[GSample],
) -> None:
    """In the definitions setting the reference and every sum and date stand only in the
    interpretation clause; the numbered paragraphs use the defined terms."""
    seen = 0
    for sample in every:
        rows = _body(sample)
        if not any(row.startswith("1. Interpretation") for row in rows):
            continue
        seen += 1
        clause = [r for r in rows if re.match(r"\([a-j]\) ", r)]
        after = " ".join(rows[rows.index(clause[-1]) + 1 :])
        truth = sample.truth
        for value in (truth.account_reference, truth.deadline_date, truth.balance_pence):
            if value is None:
                continue
            shown = corpus_blind_g.printed_forms("", value)
            assert any(any(f in r for f in shown) for r in clause), sample.name
            assert not any(f in after for f in shown), sample.name
        assert re.search(r"\bthe [A-Z]\w+", after), sample.name
    assert seen >= 10


def test_the_watermark_stands_alone_and_prints_pale(family: list[GSample]) -> None:
    marked = [
        s for s in family
        if any(len(r) == 1 and isinstance(r[0], PrintCell) and r[0].size == WATERMARK
               for r in s.pages[0])
    ]  # fmt: skip
    assert len(marked) >= 6
    for sample in marked:
        (cell,) = next(r for r in sample.pages[0] if len(r) == 1 and r[0].size == WATERMARK)
        assert re.fullmatch(r"[A-Z](?: {1,3}[A-Z])+", cell.text), sample.name
    image = render(marked[0], 0, SCANS[1])
    clean = corpus_blind_g._draw(marked[0], 0, SCANS[1])
    counts = clean.getcolors(clean.width * clean.height) or []
    assert sum(n for n, colour in counts if colour == PALE) > 2_000
    assert image.size[0] > clean.size[0]  # turned


def test_the_payment_code_and_the_portal_agree_with_the_truth(every: list[GSample]) -> None:
    kinds = dict.fromkeys(("code", "portal"), 0)
    for sample in every:
        text, truth = g_text(sample), sample.truth
        if "Pay in seconds" in text:
            kinds["code"] += 1
            assert sample.codes[0], sample.name
            assert truth.balance_pence is not None
            assert truth.account_reference
            pence = truth.balance_pence
            ref = truth.account_reference.replace(" ", "")
            assert f"GBP {pence // 100}.{pence % 100:02d}  REF {ref}" in text, sample.name
        if "https://" in text and truth.document_class is not C.OTHER:
            kinds["portal"] += 1
            assert truth.letter_date is not None
            assert text.startswith(f"{truth.letter_date:%d/%m/%Y}, "), sample.name
    assert min(kinds.values()) >= 8, kinds


def phrases() -> tuple[list[str], list[str]]:
    """G's own wording as written in ``corpus_blind_g`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_g))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "ref_label":
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign | ast.AnnAssign) and isinstance(
            node.value, ast.List
        ):
            for fact in node.value.elts:
                if isinstance(fact, ast.Tuple) and len(fact.elts) in (2, 3):
                    labels += [e.value for e in fact.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not G's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_g_is_in_an_earlier_family() -> None:
    """G is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, nor most of its labels (real letters
    share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    g = corpus_blind_g
    orgs = [o for o in vars(g).values() if isinstance(o, g.Org)]
    orgs += [o for v in vars(g).values() if isinstance(v, tuple) for o in v if isinstance(o, g.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in g.PEOPLE),
        *(street for street, _, _ in g.ADDRESSES),
        "Pull here to open", "Direct Debit Guarantee", "Pay in seconds",
        "the following words have the meanings",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 30
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[GSample]) -> None:
    for sample in every:
        for text in (g_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[GSample], every: list[GSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: g_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(
    family: list[GSample], every: list[GSample]
) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders; the turn widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003
    photo = ImageStat.Stat(render(single, 0, SCANS[0]))
    assert photo.mean[0] > photo.mean[2] + 40  # warm light: far more red than blue
    page = render(single, 0, SCANS[0])
    w, h = page.size
    lamp = ImageStat.Stat(page.crop((w // 8, h // 10, w // 4, h // 6))).mean[0]
    corner = ImageStat.Stat(page.crop((w * 3 // 4, h * 5 // 6, w * 7 // 8, h * 9 // 10))).mean[0]
    assert lamp > corner + 30  # the hot spot and the far corner in shadow
    copy = render(single, 0, SCANS[1])
    assert min(ImageStat.Stat(copy).extrema[0]) >= 35  # the toner never prints black
    dotted = render(single, 0, SCANS[2]).convert("L")
    assert min(dotted.getextrema()) > 60  # faint
    data, fmt, _ = g_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = g_scanned(single, 1)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(300, abs=1)
    data, fmt, _ = g_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = g_scanned(single, 2)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    two = next(s for s in every if len(s.pages) == 2)
    data, fmt, _ = g_scanned(two, 1)
    assert fmt == "pdf"
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_g(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{g_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_g") == digest()


def test_family_g_is_trained_on_only_as_a_read_family() -> None:
    """G is seen since round 17 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "G" in read_families.READ
    assert "corpus_blind_g" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_g", "G")


# -- the reader on G (seen since round 17, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def g_score(
    family: list[GSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 87% (26/30), original creditor 1/2, reference 100% "
    "(30/30), balance 100% (30/30), letter date 100% (36/36), deadline 92% (22/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 1/2 (branch corpusg "
    "off 67da2eb = main's round-15 reader, shipped classifier and field ranker 2026-12-04.15; "
    "on 76 documents: benchmarks/OCR.md, 'Family G')"
)
"""The first measurement (38 documents here), blind."""
ROUND_17 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 17 (rules + classifier and field ranker 2026-12-05.17, trained
with G). Blind before (rounds 15 and 16): creditor, original creditor, deadline and served
date under the floor (the deadline 22 -> 21/24 with round 16's models)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the fields that every debt letter states: a
collapse, not a small loss."""


def test_family_g_is_read_above_a_collapse_floor(g_score: Score) -> None:
    print("\n" + g_score.table("family G (seen since round 17), perfect text"))
    assert g_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (g_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_g_meets_the_floor(g_score: Score, field: str) -> None:
    """Seen since round 17 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_17 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(g_score.accuracy(field), field), field
