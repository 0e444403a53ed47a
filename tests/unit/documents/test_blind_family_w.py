"""Family W (``corpus_blind_w.py``), written blind in a twelfth hand (its organisations
and wording new to A-V) and measured blind on round 13 (and by the lead on round 14); seen
since round 15, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page) and the reader measured on it on perfect text, as the product reads
(the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_w_ocr.py; the figures are in benchmarks/OCR.md
("Family W", "Round 15"). Being seen, W's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import re
from importlib import import_module

import pytest
from PIL import ImageChops, ImageStat
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_w, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_w import (
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    WSample,
    build_w,
    initials,
    page_size,
    raised,
    render,
    values_in_text,
    w_pages,
    w_scanned,
    w_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-V (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[WSample]:
    return build_w(2)


@pytest.fixture(scope="module")
def four() -> list[WSample]:
    return build_w(4)


@pytest.fixture(scope="module")
def texts(family: list[WSample]) -> dict[str, str]:
    return {s.name: w_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[WSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: w_pages(s) for s in family}


def test_every_class_has_family_w_with_the_fields_it_yields(
    family: list[WSample], four: list[WSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in four} == set(DocumentClass)
    assert len(four) >= 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":W")
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
    assert "Your accounts with us" in every  # the accounts table
    assert "IN ARREARS" in every
    assert "Where things stand" in every  # the timeline
    assert "In brief" in every  # the newsletter's panel
    assert "numbered notes at the foot" in every  # the footnotes
    assert "THE FIGURES" in every  # side headings in small capitals
    assert "Form W/1" in every  # the landscape form
    assert "In credit" in every  # the statement's two balance columns
    assert "Overdrawn" in every
    assert "·" in every  # a raised decimal point
    assert re.search(r"\b\d{1,2}\.[IVX]+\.20\d\d\b", every)  # a Roman month
    assert re.search(r"\b\d\d \d\d 20\d\d\b", every)  # a form's boxed date
    assert any(len(s.pages) == 2 for s in family)
    assert any(s.style.landscape for s in family)
    assert {s.style.face for s in family} == {"roman", "sans", "condensed"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4.XII.2026", "04-12-26", "Fri, 04 Dec 2026", "04 12 2026",
    ]  # fmt: skip
    assert [DATE_SHAPES[0](dt.date(2026, m, 1)) for m in (1, 4, 9, 10)] == [
        "1.I.2026", "1.IV.2026", "1.IX.2026", "1.X.2026",
    ]  # fmt: skip
    assert raised(123_456) == "£1,234·56"
    assert raised(5) == "£0·05"


def test_the_accounts_table_holds_one_account_in_arrears(four: list[WSample]) -> None:
    """The table lists every account; only the one in arrears is the letter's, and no other
    account's balance is what is owed."""
    seen = 0
    for sample in four:
        text = w_text(sample)
        if "Your accounts with us" not in text:
            continue
        seen += 1
        table = text.split("Your accounts with us", 1)[1].split("This letter is about", 1)[0]
        rows = [line for line in table.splitlines()[2:] if line.strip()]
        assert len(rows) >= 2, sample.name
        arrears = [line for line in rows if "IN ARREARS" in line]
        assert len(arrears) == 1, sample.name
        assert str(sample.truth.account_reference) in arrears[0], sample.name
        owed = f"{(sample.truth.balance_pence or 0) / 100:,.2f}"
        assert owed in arrears[0], sample.name
        assert not [line for line in rows if line not in arrears and owed in line], sample.name
    assert seen >= 6


def test_a_monogram_names_the_writer_only_in_its_signature(four: list[WSample]) -> None:
    seen = 0
    for sample in four:
        lines = w_text(sample).splitlines()
        if not lines[0].strip().startswith("M G C S") and not re.match(
            r"^([A-Z] ){2,}[A-Z]\b", lines[0]
        ):
            continue
        seen += 1
        first = lines[0].split("   ")[0].strip()
        writer = next(
            o.name
            for o in vars(corpus_blind_w).values()
            if isinstance(o, corpus_blind_w.Org) and initials(o.name) == first
        )
        named = [n for n, line in enumerate(lines) if writer in line]
        assert len(named) == 1, sample.name
        assert named[0] >= len(lines) - 3, sample.name  # the signature block, at the foot
    assert seen >= 6


def test_a_timeline_dates_this_letter_and_the_day_to_act_by(four: list[WSample]) -> None:
    seen = 0
    for sample in four:
        text = w_text(sample)
        if "Where things stand" not in text or sample.truth.document_class is C.OTHER:
            continue
        seen += 1
        table = text.split("Where things stand", 1)[1].split("\n\n", 1)[0]
        this = next(line for line in table.splitlines() if "This letter" in line)
        dated = corpus.Truth(document_class=C.OTHER, letter_date=sample.truth.letter_date)
        assert values_in_text(dated, this) == (1, 1), sample.name
        if sample.truth.deadline_date:
            by = next(line for line in table.splitlines() if "Last day" in line)
            truth = corpus.Truth(document_class=C.OTHER, deadline_date=sample.truth.deadline_date)
            assert values_in_text(truth, by) == (1, 1), sample.name
    assert seen >= 6


def phrases() -> tuple[list[str], list[str]]:
    """W's own wording as written in ``corpus_blind_w`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_w))):
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
"""Public bodies every family may name: not W's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_w_is_in_an_earlier_family() -> None:
    """W is written in new words: none of its organisations (but the DWP), people, streets
    or titles appears in the modules of A-V, nor most of its labels (real letters share
    the plainest ones: "Claimant", "Pay by")."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    w = corpus_blind_w
    orgs = [o for o in vars(w).values() if isinstance(o, w.Org)]
    orgs += [o for x in vars(w).values() if isinstance(x, tuple) for o in x if isinstance(o, w.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in w.PEOPLE),
        *(street for street, _, _ in w.ADDRESSES),
        "Your accounts with us", "Where things stand", "numbered notes at the foot",
        "A figure in the Overdrawn column",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 40
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 4, shared


def test_every_true_value_is_printed_on_the_document(four: list[WSample]) -> None:
    for sample in four:
        for text in (w_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[WSample], four: list[WSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(four, {s.name: w_pages(s) for s in four}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[WSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    plain_scans = [type(scan)(scan.dpi, scan.skew, scan.ink, scan.paper) for scan in SCANS]
    for scan, bare in zip(SCANS, plain_scans, strict=True):  # every effect renders
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003  # the turn widens the page
        assert scan.dpi in (330, 175, 260)
        assert ImageChops.difference(page, render(single, 0, bare)).getbbox()  # the effect shows
    stamped = render(single, 0, SCANS[0], seed=3)  # the stamp moves with the seed
    assert stamped.tobytes() == render(single, 0, SCANS[0], seed=3).tobytes()
    assert stamped.tobytes() != render(single, 0, SCANS[0], seed=4).tobytes()
    copy = render(single, 0, SCANS[1])
    w, h = copy.size
    left, middle = (
        copy.crop((0, h // 4, w // 50, h // 2)),
        copy.crop((w // 2, h // 4, w // 2 + w // 50, h // 2)),
    )
    assert ImageStat.Stat(left).mean[0] < ImageStat.Stat(middle).mean[0] - 40  # the dark edge
    landscape = next(s for s in family if s.style.landscape)
    width, height = page_size(landscape, 200)
    assert width > height
    data, fmt, _ = w_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = w_scanned(single, 1)
    assert fmt == "pdf"
    data, fmt, _ = w_scanned(single, 2)
    assert fmt == "png"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = w_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_w(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{w_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_w") == digest()


def test_family_w_is_trained_on_only_as_a_read_family() -> None:
    """W is seen since round 15 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "W" in read_families.READ
    assert "corpus_blind_w" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_w", "W")


# -- the reader on W (seen since round 15, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def w_score(
    family: list[WSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 83% (25/30), original creditor 0/2, reference 87% (26/30), "
    "balance 70% (21/30), letter date 19% (7/36), deadline 22% (5/23), claim no. 4/4, "
    "payer 4/4, income 1/4, gross 1/2, frequency 4/4, served 0/2 (branch corpusw off 37b6238 "
    "= main's round-13 reader, shipped classifier and field ranker 2026-12-04.13; on 76 "
    "documents: benchmarks/OCR.md, 'Family W')"
)
"""The first measurement (38 documents here), blind."""
ROUND_15 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 15 (rules + classifier and field ranker 2026-12-04.15)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {
    "creditor_name": 0.6,
    "account_reference": 0.65,
    "balance_pence": 0.5,
    "letter_date": 0.1,
}
"""Well under the first measurement of the fields under their floor: a collapse, not a
small loss."""


def test_family_w_is_read_above_a_collapse_floor(w_score: Score) -> None:
    print("\n" + w_score.table("family W (seen since round 15), perfect text"))
    assert w_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (w_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_w_meets_the_floor(w_score: Score, field: str) -> None:
    """Seen since round 15 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_15 on these 38 documents (blind, first measurement: FIRST; creditor, reference,
    balance, both dates, income, gross and served were under the floor). The issue's
    floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(w_score.accuracy(field), field), field
