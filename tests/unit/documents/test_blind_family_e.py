"""Family E (``corpus_blind_e.py``), written blind in a seventeenth hand (its organisations
and wording new to A-Z and G) and measured blind on rounds 16 to 19; seen since round 20,
which read its misses and trains on it as a read family (``read_families``): the family
itself (every class, ground truth printed, deterministic, laid out on the page) and the
reader measured on it on perfect text, as the product reads (the shipped classifier and
field ranker). The OCR sample is in tests/integration/ocr/test_blind_family_e_ocr.py; the
figures are in benchmarks/OCR.md ("Family E", "Round 20"). Being seen, E's figures here are
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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_e, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_e import (
    CLIP,
    DATE_SHAPES,
    GREY_LABEL,
    SCANS,
    TEMPLATES,
    ESample,
    build_e,
    e_pages,
    e_scanned,
    e_text,
    page_size,
    plain,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_y", "corpus_blind_z",
           "corpus_blind_g", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z and G (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[ESample]:
    return build_e(2)


@pytest.fixture(scope="module")
def every() -> list[ESample]:
    return build_e(4)


@pytest.fixture(scope="module")
def texts(family: list[ESample]) -> dict[str, str]:
    return {s.name: e_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ESample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: e_pages(s) for s in family}


def test_every_class_has_family_e_with_the_fields_it_yields(
    family: list[ESample], every: list[ESample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":E")
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
    assert "The key points" in text  # the numbered key points
    assert re.search(r"^1\. +Who is writing to you: ", text, re.M)
    assert "Your figures in brief" in text  # the two panels, on landscape pages
    assert any(s.style.landscape for s in family)
    assert any(not s.style.landscape for s in family)
    assert "Payments over the last four months" in text  # the payment history
    assert "Key information" in text  # the questions table
    assert re.search(r"^ *Your question +Our answer", text, re.M)
    assert "Contact us" in text  # the contact sidebar
    assert "Text relay" in text
    assert any(GREY_LABEL in (r.fill for r in s.rects[0]) for s in family)  # grey boxes
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) of [A-Z][a-z]{2} \d{4}\b", text)
    assert re.search(r"\b\d\d/\d\d/\d{4}\b", text)
    assert any(len(s.pages) == 2 for s in every)
    assert {s.style.face for s in family} == {"gothic", "roman", "sans"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4 December 2026",
        "04/12/2026",
        "4th December 2026",
        "Fri 4 Dec 2026",
        "4th of Dec 2026",
    ]
    assert [corpus_blind_e.ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 22, 23, 31)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
    ]  # fmt: skip
    assert plain(123_456) == "1,234.56"


def test_every_letter_is_dated_on_a_working_day(every: list[ESample]) -> None:
    dates = [s.truth.letter_date for s in every if s.truth.document_class is not C.OTHER]
    assert all(date is not None and date.weekday() < 5 for date in dates)


def test_a_statement_carries_its_running_balance(every: list[ESample]) -> None:
    """Every transaction row's balance is the last one's plus or minus its amount, from the
    balance brought forward to the closing balance."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = e_text(sample).splitlines()
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


def test_a_payment_history_states_the_sum_owed_only_in_a_sentence(
    every: list[ESample],
) -> None:
    """In the payment-history setting the sum owed is in the prose, never in the table nor
    in a label-and-value line."""
    seen = 0
    for sample in every:
        text = e_text(sample)
        if "Payments over the last four months" not in text or sample.truth.balance_pence is None:
            continue
        seen += 1
        owed = corpus_blind_e.printed_forms("", sample.truth.balance_pence)
        lines = [line for line in text.splitlines() if any(f in line for f in owed)]
        assert lines, sample.name
        assert all(len(line.split()) >= 6 and "   " not in line.strip() for line in lines), (
            sample.name
        )
        history = text.split("Payments over the last four months")[1].splitlines()[1:6]
        assert len([row for row in history if amounts_pence(row)]) == 4, sample.name
    assert seen >= 10


def test_the_questions_table_asks_for_every_fact(every: list[ESample]) -> None:
    seen = 0
    for sample in every:
        text = e_text(sample)
        if "Your question" not in text:
            continue
        seen += 1
        rows = text.split("Our answer")[1].splitlines()
        asked = [row for row in rows if "?" in row]
        assert len(asked) >= 3, sample.name
        assert all(re.match(r"^ *(What|How|When|Who|Where|By when)\b", row) for row in asked)
        assert sample.truth.account_reference is None or any(
            sample.truth.account_reference in row for row in asked
        ), sample.name
    assert seen >= 10


def test_the_contact_sidebar_is_shaded_and_the_panels_ruled(every: list[ESample]) -> None:
    sidebars = panels = 0
    for sample in every:
        fills = [(r.x0, r.x1, r.fill) for r in sample.rects[0]]
        if (0.045, 0.28, corpus_blind_e.SIDEBAR) in fills:
            sidebars += 1
            assert "Contact us" in e_text(sample)
        if sample.style.landscape:
            panels += 1
            assert "Your figures in brief" in e_text(sample)
            assert any(r.x0 == 0.56 for r in sample.rects[0]), sample.name
    assert sidebars >= 8
    assert panels >= 8


def phrases() -> tuple[list[str], list[str]]:
    """E's own wording as written in ``corpus_blind_e`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts', and the questions)."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_e))):
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
                    labels += [e.value for e in fact.elts[2:] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not E's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_e_is_in_an_earlier_family() -> None:
    """E is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z and G, nor most of its labels (real
    letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    e = corpus_blind_e
    orgs = [o for o in vars(e).values() if isinstance(o, e.Org)]
    orgs += [o for v in vars(e).values() if isinstance(v, tuple) for o in v if isinstance(o, e.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in e.PEOPLE),
        *(street for street, _, _ in e.ADDRESSES),
        "The key points", "Payments over the last four months", "Your question",
        "Your figures in brief",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 30
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[ESample]) -> None:
    for sample in every:
        for text in (e_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ESample], every: list[ESample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: e_pages(s) for s in every}, page_size)


def test_no_word_is_lost_where_the_clipped_scan_cuts(every: list[ESample]) -> None:
    """The off-centre feed cuts ``CLIP`` of the width from the right: every word ends
    left of the cut."""
    assert 0.015 <= CLIP <= 0.03
    for sample in every:
        width, _ = page_size(sample, 150)
        for page in e_pages(sample):
            assert all(w.box.left + w.box.width < width * (1 - CLIP) for w in page.words)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(
    family: list[ESample], every: list[ESample]
) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    width, height = page_size(single, SCANS[0].dpi)
    pocket = render(single, 0, SCANS[0])
    assert pocket.size[0] > width  # turned
    w, h = pocket.size
    strip = ImageStat.Stat(pocket.crop((w // 200 + 4, h // 3, w // 60, h // 2))).mean
    assert strip[2] > 180  # the pocket's bluish punched strip
    assert strip[2] > strip[0]
    width, height = page_size(single, SCANS[1].dpi)
    clipped = corpus_blind_e._clipped(corpus_blind_e._draw(single, 0, SCANS[1]))
    assert clipped.size == (round(width * (1 - CLIP)), height)
    thermal = render(single, 0, SCANS[2])
    paper = ImageStat.Stat(thermal.crop((40, 40, 120, 120))).mean
    assert paper[0] > paper[2] + 15  # browned paper
    grey = corpus_blind_e._thermal(corpus_blind_e._draw(single, 0, SCANS[2]), 0).convert("L")
    gw, gh = grey.size
    left = min(grey.crop((0, 0, gw // 2, gh)).getextrema())
    right = min(grey.crop((gw // 2, 0, gw, gh)).getextrema())
    assert left < right < 200  # the print fades towards the right, never gone
    data, fmt, _ = e_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = e_scanned(single, 1)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(300, abs=1)
    data, fmt, _ = e_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = e_scanned(single, 2)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    two = next(s for s in every if len(s.pages) == 2)
    data, fmt, _ = e_scanned(two, 1)
    assert fmt == "pdf"
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_e(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{e_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_e") == digest()


def test_family_e_is_trained_on_only_as_a_read_family() -> None:
    """E is seen since round 20 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "E" in read_families.READ
    assert "corpus_blind_e" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_e", "E")


# -- the reader on E (seen since round 20, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def e_score(
    family: list[ESample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 87% (26/30), original creditor 2/2, reference 100% "
    "(30/30), balance 97% (29/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpuse "
    "off 75c618f = main's round-16 reader, shipped classifier and field ranker 2026-12-05.16; "
    "on 76 documents: benchmarks/OCR.md, 'Family E')"
)
"""The first measurement (38 documents here), blind."""
ROUND_20 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 20 (rules + classifier and field ranker 2026-12-05.20, trained
with E). Blind before (rounds 16 to 19): the creditor under the floor (a court's form naming
its claimant by 'Claim brought by' or 'Judgment in favour of', the court's letterhead read
instead): 26/30 here at the first measurement, 52/60 on the benchmark's 76 in round 19."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the fields that every debt letter states: a
collapse, not a small loss."""


def test_family_e_is_read_above_a_collapse_floor(e_score: Score) -> None:
    print("\n" + e_score.table("family E (seen since round 20), perfect text"))
    assert e_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (e_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_e_meets_the_floor(e_score: Score, field: str) -> None:
    """Seen since round 20 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_20 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(e_score.accuracy(field), field), field
