"""Family F (``corpus_blind_f.py``), written blind in an eighteenth hand (its organisations
and wording new to A-Z, G and E) and measured blind on rounds 17 and 18; seen since round
19, which read its misses and trains on it as a read family (``read_families``): the
family itself (every class, ground truth printed, deterministic, laid out on the page, each
setting as it says) and the reader measured on it on perfect text as the product reads (the
shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_f_ocr.py; the figures are in benchmarks/OCR.md
("Family F", "Round 19"). Being seen, F's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_f, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_f import (
    BAND,
    DATE_SHAPES,
    EASY,
    SCANS,
    TEMPLATES,
    FSample,
    build_f,
    f_pages,
    f_scanned,
    f_text,
    page_size,
    plain,
    render,
    texted,
    typed_money,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_y", "corpus_blind_z",
           "corpus_blind_g", "corpus_blind_e", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G and E (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[FSample]:
    return build_f(2)


@pytest.fixture(scope="module")
def every() -> list[FSample]:
    return build_f(4)


@pytest.fixture(scope="module")
def texts(family: list[FSample]) -> dict[str, str]:
    return {s.name: f_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[FSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: f_pages(s) for s in family}


def test_every_class_has_family_f_with_the_fields_it_yields(
    family: list[FSample], every: list[FSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":F")
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
    assert "Payee / Account name" in text  # the bank giro credit slip
    assert "bank giro credit" in text
    assert "You can get free help from a money adviser near you." in text  # Easy Read
    assert "box at the top of page 2" in text  # overleaf
    assert "Your key figures" in text
    assert "Also on your account" in text  # reversed
    assert re.search(r"^\d+\. Remarks", text, re.M)  # the typed form
    assert "Text messages we have sent to your mobile" in text  # the message log
    assert re.search(r"^\d{4}-\d\d-\d\d +\d\d:\d\d ", text, re.M)
    assert re.search(r"\b\d\d/\d\d/\d\d\b", text)
    assert re.search(r"\b\d+(st|nd|rd|th) of [A-Z][a-z]+ \d{4}\b", text)
    assert re.search(r"£ \d+\.\d\d\b", text)
    assert any(len(s.pages) == 2 for s in family)
    assert {s.style.face for s in family} == {"roman", "schoolbook", "carlito", "typed"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "04 December 2026",
        "4 December 2026",
        "04/12/26",
        "4th of December 2026",
        "2026-12-04",
    ]
    assert [corpus_blind_f.ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 22, 23, 31)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
    ]  # fmt: skip
    assert plain(123_456) == "1,234.56"
    assert typed_money(123_456) == "£ 1234.56"
    assert texted("Owed: £1,234,567.80. Paid £12.00.") == "Owed: £1234567.80. Paid £12.00."


def test_every_letter_is_dated_on_a_working_day(every: list[FSample]) -> None:
    dates = [s.truth.letter_date for s in every if s.truth.document_class is not C.OTHER]
    assert all(date is not None and date.weekday() < 5 for date in dates)


def test_a_statement_carries_its_running_balance(every: list[FSample]) -> None:
    """Every transaction row's balance is the last one's plus or minus its amount, from the
    balance brought forward to the closing balance (or the balance carried forward)."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = f_text(sample).splitlines()
        start = next(n for n, line in enumerate(lines) if "Balance brought forward" in line)
        rows = [line for line in lines[start + 1 :] if re.search(r"\d\.\d\d$", line)]
        running = amounts_pence(lines[start])[-1]
        for row in rows[:-1]:
            change, after = amounts_pence(row)
            assert after in (running - change, running + change), sample.name
            running = after
        assert re.search(r"Closing balance|Balance carried", rows[-1]), sample.name
        assert amounts_pence(rows[-1]) == [running], sample.name
    assert seen == 4


def _setting(sample: FSample, marker: str) -> bool:
    return marker in f_text(sample)


def test_the_payee_slip_alone_names_the_writer(every: list[FSample]) -> None:
    """In the payee setting the letter is headed by a department only; the name of whoever
    is paid stands once on the page, in the slip's "Payee / Account name" line."""
    seen = 0
    for sample in every:
        text = f_text(sample)
        if "Payee / Account name" not in text:
            continue
        seen += 1
        line = next(row for row in text.splitlines() if row.startswith("Payee / Account name"))
        payee = line.removeprefix("Payee / Account name").strip()
        assert text.count(payee) == 1, sample.name
        assert not text.startswith(payee)
        if sample.truth.document_class is not C.ENFORCEMENT_AGENT_NOTICE:
            assert payee == sample.truth.creditor_name, sample.name
        assert sample.truth.account_reference in line or sample.truth.account_reference in text
    assert seen >= 8


def test_overleaf_gives_no_figure_on_page_one(every: list[FSample]) -> None:
    """The overleaf letters' first page states no sum and no date to act by; page 2 opens
    with the ruled "Your key figures" box that does."""
    seen = 0
    for sample in every:
        if len(sample.pages) != 2 or sample.truth.document_class is C.BANK_STATEMENT:
            continue
        seen += 1
        one, two = f_text(sample).split("\f")
        truth = sample.truth
        for value in (truth.balance_pence, truth.deadline_date, truth.served_date):
            if value is None:
                continue
            shown = corpus_blind_f.printed_forms("", value)
            assert not any(form in one for form in shown), sample.name
            assert any(form in two for form in shown), sample.name
        assert "Please turn over" in one
        assert two.splitlines()[2].strip() == "Your key figures", sample.name
        assert sample.rects[1], sample.name
    assert seen >= 8


def test_the_reversed_band_prints_white_on_dark(family: list[FSample]) -> None:
    banded = [s for s in family if s.bands and s.bands[0]]
    assert len(banded) >= 6
    sample = banded[0]
    first, last = sample.bands[0][0]
    in_band = " ".join(c.text for row in sample.pages[0][first : last + 1] for c in row)
    assert sample.truth.letter_date is not None
    shown = corpus_blind_f.printed_forms("", sample.truth.letter_date)
    assert any(form in in_band for form in shown), sample.name
    clean = corpus_blind_f._draw(sample, 0, SCANS[1])
    grey = clean.convert("L")
    counts = {colour: n for n, colour in grey.getcolors(256) or []}
    assert counts.get(BAND, 0) > 20_000  # the band
    value = next(row for row in sample.pages[0][first : last + 1] if row and row[0].bold)
    words = [w for p in f_pages(sample) for w in p.words]
    word = next(w for w in words if w.text == value[0].text.split()[0])
    scale = SCANS[1].dpi / 150
    box = (
        round(word.box.left * scale),
        round(word.box.top * scale),
        round((word.box.left + word.box.width) * scale),
        round((word.box.top + word.box.height) * scale),
    )
    patch = ImageStat.Stat(grey.crop(box))
    assert patch.extrema[0][1] >= 240  # white letters on the band
    assert patch.mean[0] < 160  # mostly band


def test_typed_forms_and_easy_read_are_set_as_they_say(every: list[FSample]) -> None:
    typed = [s for s in every if s.style.face == "typed"]
    easy = [s for s in every if s.style.point == EASY]
    assert len(typed) >= 12
    assert len(easy) >= 12
    for sample in typed:
        text = f_text(sample)
        if sample.truth.balance_pence is not None or sample.truth.income_pence is not None:
            assert re.search(r"£ \d+\.\d\d\b", text), sample.name
            assert not re.search(r"£\d", text), sample.name
    for sample in easy:
        icons = sample.icons[0]
        assert len(icons) >= 5, sample.name
        assert {i.kind for i in icons} <= set(corpus_blind_f.ICONS)
        for icon in icons:
            assert sample.pages[0][icon.row][0].x == 0.24, sample.name
        assert sample.truth.letter_date is not None
        assert corpus_blind_f.easy_date(sample.truth.letter_date) in f_text(sample)


def test_the_message_log_ends_with_the_figures(every: list[FSample]) -> None:
    seen = 0
    for sample in every:
        text = f_text(sample)
        if "Text messages we have sent" not in text:
            continue
        seen += 1
        dated = [line for line in text.splitlines() if re.match(r"\d{4}-\d\d-\d\d ", line)]
        assert len(dated) == 3, sample.name
        if sample.truth.letter_date is not None:
            assert dated[-1].startswith(sample.truth.letter_date.isoformat()), sample.name
        if sample.truth.balance_pence is not None:
            owed = sample.truth.balance_pence
            sms = " ".join(text[text.index(dated[-1]) :].split())
            assert f"£{owed // 100}.{owed % 100:02d}." in sms, sample.name
    assert seen >= 8


def phrases() -> tuple[list[str], list[str]]:
    """F's own wording as written in ``corpus_blind_f`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_f))):
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


STATE = ("Department for Work and Pensions", "HM Revenue and Customs")
"""Public bodies every family may name: not F's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_f_is_in_an_earlier_family() -> None:
    """F is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G and E, nor most of its labels (real
    letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    f = corpus_blind_f
    orgs = [o for o in vars(f).values() if isinstance(o, f.Org)]
    orgs += [o for v in vars(f).values() if isinstance(v, tuple) for o in v if isinstance(o, f.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in f.PEOPLE),
        *(street for street, _, _ in f.ADDRESSES),
        "Payee / Account name", "Your key figures", "Text messages we have sent",
        "money adviser near you", "Signed on behalf of the issuer",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 30
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[FSample]) -> None:
    for sample in every:
        for text in (f_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[FSample], every: list[FSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: f_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(
    family: list[FSample], every: list[FSample]
) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders; the turn widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003
    screen = ImageStat.Stat(render(single, 0, SCANS[0]))
    assert screen.mean[2] > screen.mean[0] + 15  # the backlight's blue
    assert min(screen.extrema[0]) > 0  # a screen's black is lifted
    crumpled = render(single, 0, SCANS[1]).convert("L")
    clean = corpus_blind_f._draw(single, 0, SCANS[1]).convert("L")
    assert ImageStat.Stat(crumpled).stddev[0] > ImageStat.Stat(clean).stddev[0] * 0.9
    assert len(crumpled.crop((0, 0, 400, 400)).getcolors(256) or []) > 20  # light and shade
    bitonal = render(single, 0, SCANS[2])
    assert bitonal.mode == "1"
    data, fmt, _ = f_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(180, abs=1)
    data, fmt, _ = f_scanned(single, 1)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(250, abs=1)
    data, fmt, _ = f_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = f_scanned(single, 2)
    assert fmt == "tiff"
    tiff = Image.open(io.BytesIO(data))
    assert tiff.mode == "1"
    assert tiff.info["compression"] == "group4"
    two = next(s for s in every if len(s.pages) == 2)
    for index in (1, 2):
        data, fmt, _ = f_scanned(two, index)
        assert fmt == "pdf"
        assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_f(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{f_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_f") == digest()


def test_family_f_is_trained_on_only_as_a_read_family() -> None:
    """F is seen since round 19 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "F" in read_families.READ
    assert "corpus_blind_f" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_f", "F")


# -- the reader on F (seen since round 19, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def f_score(
    family: list[FSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 90% (27/30), original creditor 2/2, reference 87% (26/30), "
    "balance 100% (30/30), letter date 92% (33/36), deadline 100% (24/24), claim no. 4/4, "
    "payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusf off "
    "508b479 = main's round-17 reader, shipped classifier and field ranker 2026-12-05.17; "
    "on 76 documents: benchmarks/OCR.md, 'Family F')"
)
"""The first measurement (38 documents here), blind."""
ROUND_19 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 19 (rules + classifier and field ranker 2026-12-05.19, trained
with F). Blind before (rounds 17 and 18): the reference under the floor (a notice of
assignment's number before the sale, a regulator's register number, a giro slip's credit
account), 26/30 each round."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the fields that every debt letter states: a
collapse, not a small loss."""


def test_family_f_is_read_above_a_collapse_floor(f_score: Score) -> None:
    print("\n" + f_score.table("family F (seen since round 19), perfect text"))
    assert f_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (f_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_f_meets_the_floor(f_score: Score, field: str) -> None:
    """Seen since round 19 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_19 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(f_score.accuracy(field), field), field
