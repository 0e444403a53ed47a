# ruff: noqa: E501  (the checks read better unwrapped)
"""Family AL (``corpus_blind_al.py``), written blind in a thirty-second hand (its
organisations and wording new to A-Z, G, E, F, I, J and AA to AK) and read since round 35:
the family itself (every class, ground truth printed, deterministic, laid out on the page,
each setting as it says), that it is trained on only as a read family, and the reader on it
on perfect text as the product reads (the shipped classifier and field ranker). The OCR
sample is in tests/integration/ocr/test_blind_family_al_ocr.py; the figures are in
benchmarks/OCR.md ("Family AL", and "Round 35", which read AL's misses). Two documents a
class keep this module to a few seconds; the benchmark reads four."""

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
    right_cell_at,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_al, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_al import (
    AMOUNT_X,
    BALANCE_X,
    DATE_SHAPES,
    MONTHS,
    SCANS,
    SEED,
    TEMPLATES,
    ALSample,
    al_pages,
    al_scanned,
    al_text,
    build_al,
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
           "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA to AK (and the statements corpus);
searched by the new-words test (AK's was read for its conventions as the task allowed, the
others' only searched by grep)."""


@pytest.fixture(scope="module")
def family() -> list[ALSample]:
    return build_al(2)


@pytest.fixture(scope="module")
def every() -> list[ALSample]:
    return build_al(4)


@pytest.fixture(scope="module")
def texts(family: list[ALSample]) -> dict[str, str]:
    return {s.name: al_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ALSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: al_pages(s) for s in family}


def test_every_class_has_family_al_with_the_fields_it_yields(
    family: list[ALSample], every: list[ALSample], texts: dict[str, str]
) -> None:
    assert SEED == 3650
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AL")
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
    alltext = "\n".join(al_text(s) for s in every)
    assert "Copy of the envelope this letter came in (front)" in text
    assert "Note of our telephone call with you" in text
    assert "How your balance has changed" in text
    assert "Why we are writing" in text
    assert "Details: " in text
    assert "Crew pay slip" in alltext
    assert "Wage slip - knitwear staff" in alltext
    assert "Where a balance starts with a dash, the account was overdrawn" in alltext
    assert re.search(r"\b\d\d [A-Z][a-z]{2}\. 20\d\d\b", alltext)
    assert re.search(
        r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]{2} 20\d\d\b", alltext
    )
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}/\d{1,2}/\d\d\b", alltext)
    assert {s.style.face for s in family} == {"times", "carlito", "arial"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert {len(s.pages) for s in every} == {1, 2}
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["04 Dec. 2026", "Friday 4 Dec 2026", "Fri 4/12/26"]  # fmt: skip
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "03 Sep. 2025"
    assert DATE_SHAPES[1](dt.date(2025, 9, 22)) == "Monday 22 Sep 2025"
    assert DATE_SHAPES[2](dt.date(2026, 1, 11)) == "Sun 11/1/26"
    assert plain(123_456) == "1,234.56"
    assert pounds(5) == "£0.05"


def _amount(text: str) -> int:
    m = re.fullmatch(r"-?£?([\d,]+)\.(\d\d)", text)
    assert m, text
    value = int(m[1].replace(",", "")) * 100 + int(m[2])
    return -value if text.startswith("-") else value


def _cells(sample: ALSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_adds_up(every: list[ALSample]) -> None:
    """Each balance printed is the one before plus what was paid in less what was paid out
    (a minus before an overdrawn one); the balance carried forward agrees. Half the
    statements start overdrawn."""
    seen = overdrawn = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = _cells(sample)
        start = next(k for k, r in enumerate(rows) if r and r[0].text.endswith("Balance brought forward"))  # fmt: skip
        opening = right_cell_at(rows[start], BALANCE_X)
        assert opening is not None
        running = _amount(opening.text)
        overdrawn += running < 0
        lines = 0
        for row in rows[start + 1 :]:
            if row and row[0].text == "Balance carried forward":
                closing = right_cell_at(row, BALANCE_X)
                assert closing is not None, sample.name
                assert _amount(closing.text) == running, sample.name
                break
            if not row or row[0].text not in ("Paid out", "Paid in"):
                continue
            cell = right_cell_at(row, AMOUNT_X)
            assert cell is not None, sample.name
            running += _amount(cell.text) * (-1 if row[0].text == "Paid out" else 1)
            after = right_cell_at(row, BALANCE_X)
            assert after is not None, sample.name
            assert _amount(after.text) == running, sample.name
            lines += 1
        assert lines == 9, sample.name
    assert seen == 4
    assert overdrawn == 2


def test_a_payslip_adds_up(every: list[ALSample]) -> None:
    """Each tier's amounts come to its total (the earnings to the gross pay, the deductions
    to their total), and the gross less the deductions is the net pay."""
    for sample in every:
        if sample.truth.document_class is not C.PAYSLIP:
            continue
        rows = _cells(sample)
        tiers: list[list[int]] = []
        net = None
        for k, row in enumerate(rows):
            if row and row[0].text in ("Earnings", "Deductions"):
                tiers.append([_amount(c.text) for c in rows[k + 2]])
            if row and row[0].text == "NET PAY":
                net = _amount(row[1].text)
        assert len(tiers) == 2, sample.name
        (*pay, gross), (*taken, off) = tiers
        assert sum(pay) == gross, sample.name
        assert sum(taken) == off, sample.name
        assert gross - off == net, sample.name
        assert (gross, net) == (sample.truth.gross_pence, sample.truth.income_pence), sample.name


def test_each_setting_puts_its_facts_where_it_says(every: list[ALSample]) -> None:
    """The envelope's first page holds no fact but the address (the reference and the sum
    only on page 2) and is framed; the call note prints no label, each fact inside a
    numbered sentence; the index card is drawn round its rows; the bar chart has six bars,
    the last (the balance now) the tallest with the balance over it; the side-notes are
    small italic labels in the margin, each value bold in the body on the same row; the
    pull-quote holds the sum and the details line every fact."""
    seen = dict.fromkeys(("envelope", "callnote", "indexcard", "barchart", "sidenotes", "pullquote"), 0)  # fmt: skip
    for sample in every:
        text = al_text(sample)
        truth = sample.truth
        if truth.document_class in (C.PAYSLIP, C.BANK_STATEMENT):
            continue
        ref, owed = truth.account_reference, truth.balance_pence
        rows = _cells(sample)
        marks = sample.rules[0]
        if "Copy of the envelope this letter came in (front)" in text:
            seen["envelope"] += 1
            assert len(sample.pages) == 2, sample.name
            first = "\n".join(c.text for r in rows for c in r)
            if ref:
                assert ref not in first, sample.name
            if owed is not None:
                assert pounds(owed) not in first, sample.name
            assert [m.kind for m in marks].count("frame") == 1, sample.name
            assert any(m.kind == "dots" for m in marks), sample.name
        if "Note of our telephone call with you" in text:
            seen["callnote"] += 1
            numbered = [r for r in rows if r and re.fullmatch(r"\d+\.", r[0].text)]
            assert len(numbered) >= 3, sample.name
            assert "Date of letter" not in text, sample.name
            if ref:
                assert any(ref in c.text for r in numbered for c in r), sample.name
        if any(m.kind == "card" for m in marks):
            seen["indexcard"] += 1
            card = next(m for m in marks if m.kind == "card")
            assert card.last is not None
            inside = "\n".join(c.text for r in rows[card.row : card.last + 1] for c in r)
            if ref:
                assert ref in inside, sample.name
        if "How your balance has changed" in text:
            seen["barchart"] += 1
            assert owed is not None
            bars = [m for m in marks if m.kind == "bar"]
            assert len(bars) == MONTHS, sample.name
            assert min(b.row for b in bars) == bars[-1].row, sample.name
            over = rows[bars[-1].row - 1]
            assert any(c.text == plain(owed) and c.bold for c in over), sample.name
        if "Why we are writing" in text:
            seen["sidenotes"] += 1
            notes = [c for r in rows for c in r if c.italic and c.x < 0.1 and (c.size or 10) < 8]  # fmt: skip
            assert len(notes) >= 6, sample.name
            if ref:
                k = next(k for k, r in enumerate(rows) if any(c.text == ref for c in r))
                assert rows[k][0].italic, sample.name
                assert rows[k][0].x < 0.1, sample.name
                assert next(c for c in rows[k] if c.text == ref).bold, sample.name
        if "Details: " in text:
            seen["pullquote"] += 1
            assert any(m.kind == "quote" for m in marks), sample.name
            details = text[text.index("Details: ") :].replace("\n", " ")
            if ref:
                assert ref in details, sample.name
            if owed is not None:
                assert any(c.text.endswith(pounds(owed)) and c.italic and c.align == "centre" for r in rows for c in r), sample.name  # fmt: skip
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AL's own wording as written in ``corpus_blind_al`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_al))):
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


STATE = ("Department for Work and Pensions", "HM Revenue and Customs", "Social Security Scotland")
"""Public bodies every family may name: not AL's own (Social Security Scotland and the DWP
are named by earlier modules)."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_al_is_in_an_earlier_family() -> None:
    """AL is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J and AA to AK, nor most
    of its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    al = corpus_blind_al
    orgs = [o for o in vars(al).values() if isinstance(o, al.Org)]
    orgs += [
        o for v in vars(al).values() if isinstance(v, tuple) for o in v if isinstance(o, al.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in al.PEOPLE),
        *(street for street, _, _ in al.ADDRESSES),
        "Copy of the envelope this letter came in", "Personal - for the addressee only",
        "Note of our telephone call with you", "How your balance has changed",
        "Why we are writing", "Crew pay slip", "Wage slip - knitwear staff", "Boat allowance",
        "Weekend rota", "Mess contribution", "Piece work", "Mill shop account",
        "Where a balance starts with a dash", "Carer Support Payment",
        "Pension Age Disability Payment",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 6, shared


def test_every_true_value_is_printed_on_the_document(every: list[ALSample]) -> None:
    for sample in every:
        for text in (al_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ALSample], every: list[ALSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: al_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ALSample]) -> None:
    sample = family[0]
    clean = np.asarray(corpus_blind_al._draw(sample, 0, SCANS[0].dpi), dtype=float)
    fringe = np.asarray(render(sample, 0, SCANS[0], seed=3), dtype=float)
    assert fringe.ndim == 3
    h, w = fringe.shape[:2]
    assert fringe[h // 2, : w // 100].mean() < 120  # the table round the page
    page = fringe[round(h * 0.05) : round(h * 0.95), round(w * 0.1) : round(w * 0.9)]
    apart = np.abs(page[:, :, 0] - page[:, :, 2])
    assert apart.max() > 60  # red and blue slip apart at the edges of the print
    assert np.abs(clean[:, :, 0] - clean[:, :, 2]).max() < 10
    biro = np.asarray(render(sample, 0, SCANS[1], seed=3), dtype=float)
    blue = (biro[:, :, 2] > biro[:, :, 0] + 60) & (biro[:, :, 2] > 100)
    assert 0.0002 < blue.mean() < 0.02  # the ballpoint's marks, a little of the page
    scratched = np.asarray(render(sample, 0, SCANS[2], seed=3), dtype=float)
    assert scratched.ndim == 2
    dry = np.asarray(corpus_blind_al._scratched(Image.fromarray(clean.astype(np.uint8)), random.Random(3), 0.0), dtype=float)  # fmt: skip
    grey = np.asarray(Image.fromarray(clean.astype(np.uint8)).convert("L"), dtype=float)
    changed = np.abs(dry - (255 - (255 - grey) * 0.88)) > 40
    assert 0.00005 < changed.mean() < 0.01  # fine scratches and dust
    data, fmt, _ = al_scanned(family[2], 0)
    assert (fmt, data[:3]) == ("jpeg", b"\xff\xd8\xff")
    data, fmt, _ = al_scanned(family[2], 1)
    assert fmt == "png"
    assert Image.open(io.BytesIO(data)).mode == "RGB"
    data, fmt, _ = al_scanned(family[2], 4)
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = al_scanned(family[2], 7)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = al_scanned(family[2], 2)
    assert (fmt, data[:4]) == ("pdf", b"%PDF")
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = al_scanned(two, 0)
    assert fmt == "pdf"


def digest() -> str:
    samples = build_al(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{al_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_al") == digest()


def test_family_al_is_trained_on_only_as_a_read_family() -> None:
    """AL is seen since round 35 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AL" in read_families.READ
    assert "corpus_blind_al" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_al", "AL")


# -- the reader on AL (seen since round 35, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def al_score(
    family: list[ALSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 94.7% (36/38), creditor 97% (29/30), original creditor 2/2, reference 83% (25/30), "
    "balance 100% (30/30), letter date 100% (36/36), deadline 100% (24/24), claim no. 0/4, "
    "payer 4/4, income 4/4, gross 0/2, frequency 4/4, served 2/2 (branch corpusal off 1ccbda2 "
    "= main's round-32 reader, shipped classifier and field ranker 2026-12-06.34; on 76 "
    "documents class 72/76, reference 50/60, claim no. 0/8, gross 0/4: benchmarks/OCR.md, "
    "'Family AL')"
)
"""The first measurement, blind (38 documents here): every floor met but the class (36/38 is
just under 95%), the reference, the claim number and the gross."""
ROUND_35 = (
    "on the benchmark's 76 documents every field 100% by the rules and as shipped (class "
    "76/76, reference 60/60, claim no. 8/8, gross 4/4 ...): rules of round 35, models "
    "2026-12-06.34"
)
"""After round 35, which read AL's misses (training-side): sheriff officers acting for a
council are an enforcement notice, a Scottish case reference with hyphens is the claim
number whole, "our reference for your account, X" is the reference and a tier of boxed
cells gives the gross its figure."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.5, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the floors of the fields that every debt letter states: a collapse, not a
small loss."""


def test_family_al_is_read_above_a_collapse_floor(al_score: Score) -> None:
    print("\n" + al_score.table("family AL (seen since round 35), perfect text"))
    assert al_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (al_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_al_meets_the_floor(al_score: Score, field: str) -> None:
    """Seen since round 35, so a regression check of a training-side figure: ROUND_35
    (blind, first measurement: FIRST). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(al_score.accuracy(field), field), field
