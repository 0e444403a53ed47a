"""Family AD (``corpus_blind_ad.py``), written blind in a twenty-fourth hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA, AB and AC) and read since round
31: the family itself (every class, ground truth printed, deterministic, laid out on the
page, each setting as it says), that it is trained on only as a read family, and the reader
on it on perfect text as the product reads (the shipped classifier and field ranker). The
OCR sample is in tests/integration/ocr/test_blind_family_ad_ocr.py; the figures are in
benchmarks/OCR.md ("Family AD", and "Round 31", which read AD's misses: every figure on AD
since is a training-side figure). Two documents a class keep this module to a few seconds;
the benchmark reads four."""

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
from PIL import Image
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_ad, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ad import (
    APP_LINE,
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    ADSample,
    ad_pages,
    ad_scanned,
    ad_text,
    build_ad,
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
           "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA, AB and AC (and the statements
corpus); the blind ones' sources are only searched by the new-words test, never read by
AD's author (but AC's, read for its conventions as the task allowed)."""


@pytest.fixture(scope="module")
def family() -> list[ADSample]:
    return build_ad(2)


@pytest.fixture(scope="module")
def every() -> list[ADSample]:
    return build_ad(4)


@pytest.fixture(scope="module")
def texts(family: list[ADSample]) -> dict[str, str]:
    return {s.name: ad_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ADSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ad_pages(s) for s in family}


def test_every_class_has_family_ad_with_the_fields_it_yields(
    family: list[ADSample], every: list[ADSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AD")
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
    assert "Particulars of this notice" in text  # centred
    assert "YOUR ACCOUNT STATEMENT" in text  # the pack
    assert "WHERE TO GET HELP" in text
    assert "COUNTERFOIL - keep this part" in text  # the stub
    assert "FOR OFFICE USE ONLY" in text  # the office form
    assert "\u2022" in text  # bullets
    assert "Payment and deduction statement" in text  # the CIS statement
    assert "Latest transactions first" in text
    assert re.search(r"\b\d\d/\d\d/20\d\d 00:00:00\b", text)
    assert re.search(r"\b\d\d (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \d\d\b", text)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z][a-z]+, 20\d\d\b", text)
    assert {s.style.face for s in family} == {"p052", "semibold", "gothic"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "04/12/2026 00:00:00",
        "04 DEC 26",
        "4th December, 2026",
    ]
    assert DATE_SHAPES[2](dt.date(2026, 1, 22)) == "22nd January, 2026"
    assert DATE_SHAPES[2](dt.date(2025, 9, 11)) == "11th September, 2025"
    assert DATE_SHAPES[2](dt.date(2025, 9, 1)) == "1st September, 2025"
    assert DATE_SHAPES[1](dt.date(2025, 9, 3)) == "03 SEP 25"
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "03/09/2025 00:00:00"
    assert plain(123_456) == "1,234.56"


def _amount(text: str) -> int:
    m = re.fullmatch(r"-?([\d,]+)\.(\d\d)", text)
    assert m, text
    return int(m[1].replace(",", "")) * 100 + int(m[2])


def _cells(sample: ADSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_carries_its_running_balance(every: list[ADSample]) -> None:
    """Read in date order (upwards for the newest-first statements), each balance shown is
    the opening balance plus what came in less what went out so far; the once-a-day
    statements show a balance only on a day's last line; the closing balance agrees."""
    seen = newest = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = [r for r in _cells(sample) if r and re.fullmatch(r"\d\d [A-Z][a-z]{2}", r[0].text)]
        upwards = rows[-1][1].text == "Opening balance"
        if upwards:
            newest += 1
            rows.reverse()
        assert rows[0][1].text == "Opening balance", sample.name
        running = _amount(rows[0][-1].text)
        unshown = 0
        for k, row in enumerate(rows[1:], 1):
            amounts = {c.x: _amount(c.text) for c in row[2:]}
            out = amounts.get(corpus_blind_ad.STATEMENT_X[2], 0)
            into = amounts.get(corpus_blind_ad.STATEMENT_X[3], 0)
            running += into - out
            balance = amounts.get(corpus_blind_ad.STATEMENT_X[4])
            if balance is None:
                unshown += 1
                assert k + 1 < len(rows), sample.name
                assert rows[k + 1][0].text == row[0].text, sample.name
            else:
                assert balance == running, sample.name
        closing = next(r for r in _cells(sample) if r and r[0].text == "Closing balance")
        assert _amount(closing[-1].text) == running, sample.name
        assert (unshown == 0) if upwards else (unshown >= 3), sample.name
    assert seen == 4
    assert newest == 2


def test_each_setting_puts_its_facts_where_it_says(every: list[ADSample]) -> None:
    """Centred facts sit on the page's axis; the pack's facts are on page 2 of 3 (not on
    page 1 but its date and reference); the stub's facts are above the dashed line and
    the letterhead; the office strip is right of the facts; the bullets start with a
    bullet; the run-in heads end in a full stop with the value on their line."""
    seen = dict.fromkeys(("centred", "runin", "pack", "stub", "office", "bullets"), 0)
    for sample in every:
        text = ad_text(sample)
        truth = sample.truth
        ref = truth.account_reference
        owed = money = truth.balance_pence
        if "Particulars of this notice" in text:
            seen["centred"] += 1
            for row in _cells(sample):
                for c in row:
                    if ref and c.text == ref:
                        assert c.align == "centre", sample.name
                        assert c.x == 0.5, sample.name
        if "YOUR ACCOUNT STATEMENT" in text:
            seen["pack"] += 1
            assert len(sample.pages) == 3, sample.name
            one, two = (" ".join(c.text for r in _cells(sample, n) for c in r) for n in (0, 1))
            if owed is not None:
                money = owed
                assert corpus_blind_ad.pounds(money) in two, sample.name
                assert corpus_blind_ad.pounds(money) not in one, sample.name
            if truth.income_pence is not None:
                assert corpus_blind_ad.pounds(truth.income_pence) in two, sample.name
                assert corpus_blind_ad.pounds(truth.income_pence) not in one, sample.name
            if ref:
                assert ref in one, sample.name
            assert "Page 2 of 3" in text
            assert "Page 3 of 3" in text
        if "COUNTERFOIL - keep this part" in text:
            seen["stub"] += 1
            rows = _cells(sample)
            cut = next(k for k, r in enumerate(rows) if r and r[0].text == "Detach here")
            above = " ".join(c.text for r in rows[:cut] for c in r)
            if ref:
                assert ref in above, sample.name
            if owed is not None:
                assert corpus_blind_ad.pounds(owed) in above, sample.name
            assert any(rule.row == cut + 1 and rule.dashed for rule in sample.rules[0])
        if "FOR OFFICE USE ONLY" in text:
            seen["office"] += 1
            for row in _cells(sample):
                if row and row[0].text == "FOR OFFICE USE ONLY":
                    assert row[0].x > 0.7
                for c in row:
                    if ref and c.text == ref:
                        assert c.x < 0.7, sample.name
                        assert c.bold, sample.name
        if any(r and r[0].text == "\u2022" for r in _cells(sample)):
            seen["bullets"] += 1
            bullets = [r[1].text for r in _cells(sample) if r and r[0].text == "\u2022"]
            assert len(bullets) >= 2
            if ref:
                assert any(b.endswith(f": {ref}") for b in bullets), sample.name
        heads = [r for r in _cells(sample) if len(r) == 2 and r[0].bold and r[0].text.endswith(".")]
        if len(heads) >= 3 and "Particulars of this notice" not in text:
            seen["runin"] += 1
            if ref:
                assert any(r[1].text == ref and not r[1].bold for r in heads), sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AD's own wording as written in ``corpus_blind_ad`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ad))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg in ("ref_label", "date_label"):
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign) and isinstance(node.value, ast.List):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not AD's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ad_is_in_an_earlier_family() -> None:
    """AD is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA, AB and AC, nor
    most of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ad = corpus_blind_ad
    orgs = [o for o in vars(ad).values() if isinstance(o, ad.Org)]
    orgs += [
        o for v in vars(ad).values() if isinstance(v, tuple) for o in v if isinstance(o, ad.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ad.PEOPLE),
        *(street for street, _, _ in ad.ADDRESSES),
        "Particulars of this notice", "COUNTERFOIL - keep this part", "YOUR ACCOUNT STATEMENT",
        "Latest transactions first", APP_LINE,
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[ADSample]) -> None:
    for sample in every:
        for text in (ad_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ADSample], every: list[ADSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ad_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ADSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    width, height = page_size(single, SCANS[0].dpi)
    curled = render(single, 0, SCANS[0], seed=3)
    assert curled.mode == "L"
    arr = np.asarray(curled, dtype=float)
    h, w = arr.shape
    # the lifted edge is darker than the flat paper to its right (paper rows only)
    edge, flat = (
        arr[h // 3 : h * 2 // 3, w // 100 + 4 : w // 30],
        arr[h // 3 : h * 2 // 3, w // 2 :],
    )
    assert np.median(edge) < np.median(flat) - 20
    app = render(single, 0, SCANS[1], seed=3)
    assert app.mode == "1"
    assert set(np.unique(np.asarray(app.convert("L")))) <= {0, 255}
    fringe = render(single, 0, SCANS[2], seed=3)
    assert fringe.mode == "RGB"
    pix = np.asarray(fringe, dtype=int)
    # where a stroke's top edge is, red and blue disagree (the lines are out of register)
    assert (np.abs(pix[:, :, 0] - pix[:, :, 2]) > 60).mean() > 0.002
    data, fmt, _ = ad_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = ad_scanned(single, 1)
    assert fmt == "pdf"
    assert data[:5] == b"%PDF-"
    data, fmt, _ = ad_scanned(single, 2)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ad_scanned(single, 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    triple = next(s for s in family if len(s.pages) == 3)
    data, fmt, _ = ad_scanned(triple, 0)
    assert fmt == "pdf"
    assert min(width, height) > 0


def digest() -> str:
    samples = build_ad(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ad_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ad") == digest()


def test_family_ad_is_trained_on_only_as_a_read_family() -> None:
    """AD is seen since round 31 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AD" in read_families.READ
    assert "corpus_blind_ad" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ad", "AD")


# -- the reader on AD (seen since round 31, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ad_score(
    family: list[ADSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 97% (37/38), creditor 100% (30/30), original creditor 2/2, reference 100% (30/30), "
    "balance 93% (28/30), letter date 97% (35/36), deadline 100% (24/24), claim no. 4/4, "
    "payer 2/4, income 3/4, gross 2/2, frequency 3/4, served 2/2 (branch corpusad off "
    "9991bf2 = main's round-22 reader, shipped classifier and field ranker 2026-12-05.22; "
    "on 76 documents: benchmarks/OCR.md, 'Family AD')"
)
"""The first measurement, blind (38 documents here): payer, income and frequency under the
floor (strict xfails until round 31)."""
ROUND_31 = (
    "class 38/38 and every field 100% (payer 4/4, income 4/4, frequency 4/4 ...): rules of "
    "round 31, models 2026-12-05.31 and 2026-12-06.32"
)
"""As shipped after round 31, which read AD's misses (training-side): the payer, the income
and the frequency meet their floors (plain assertions; an award that signposts debt advice
tells of no overpayment, a firm's word cut short is no sentence's end)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the first measurement of the fields that every debt letter states (100%, 93%
and 97% here): a collapse, not a small loss."""


def test_family_ad_is_read_above_a_collapse_floor(ad_score: Score) -> None:
    print("\n" + ad_score.table("family AD (seen since round 31), perfect text"))
    assert ad_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ad_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ad_meets_the_floor(ad_score: Score, field: str) -> None:
    """Seen since round 31, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_31 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(ad_score.accuracy(field), field), field
