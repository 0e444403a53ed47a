"""Family AA (``corpus_blind_aa.py``), written blind in a twenty-first hand (its
organisations and wording new to A-Z, G, E, F, I and J) and measured blind on rounds 19
and 20; seen since round 21, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page, each setting as it says) and the reader measured on it on perfect
text, as the product reads (the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_aa_ocr.py; the figures are in benchmarks/OCR.md
("Family AA", "Round 21"). Being seen, AA's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

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

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_aa,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_aa import (
    AGE_X,
    BAR,
    DATE_SHAPES,
    SCANS,
    SPLIT,
    TEMPLATES,
    AASample,
    aa_pages,
    aa_scanned,
    aa_text,
    bare,
    build_aa,
    in_words,
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
           "corpus_blind_j", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I and J (and the statements corpus); the
blind ones' sources are only searched by the new-words test, never read by AA's author
(but J's, read for its conventions as the task allowed)."""


@pytest.fixture(scope="module")
def family() -> list[AASample]:
    return build_aa(2)


@pytest.fixture(scope="module")
def every() -> list[AASample]:
    return build_aa(4)


@pytest.fixture(scope="module")
def texts(family: list[AASample]) -> dict[str, str]:
    return {s.name: aa_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[AASample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: aa_pages(s) for s in family}


def test_every_class_has_family_aa_with_the_fields_it_yields(
    family: list[AASample], every: list[AASample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AA")
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
    assert "STATEMENT OF ACCOUNT" in text  # the ledger
    assert "Polski / Polish" in text
    assert "Szanowni Państwo," in text
    assert "PeakPost Mail - Inbox" in text  # the web-mail print
    assert re.search(r"^>\s", text, re.M)  # a quoted message
    assert "Your account, step by step" in text
    assert "Over 90 days" in text  # the aged debt
    assert "the sum of " in text  # in words and in figures
    assert "BALANCE CARRIED FORWARD" in text
    assert re.search(r"\b\d{1,2}-[IVX]+-\d{4}\b", text)
    assert re.search(r"\b\d{1,2}(st|nd|rd|th) of [A-Z][a-z]+, \d{4}\b", text)
    assert re.search(r"\b\d{4} [A-Z][a-z]{2} \d\d\b", text)
    assert {s.style.face for s in family} == {"extralight", "gothic", "serifcond"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4-XII-2026",
        "4th of December, 2026",
        "2026 Dec 04",
    ]
    assert DATE_SHAPES[1](dt.date(2026, 1, 22)) == "22nd of January, 2026"
    assert DATE_SHAPES[1](dt.date(2026, 1, 11)) == "11th of January, 2026"
    assert DATE_SHAPES[0](dt.date(2026, 9, 3)) == "3-IX-2026"
    assert plain(123_456) == "1,234.56"
    assert bare(123_456) == "1234.56"
    assert bare(5) == "0.05"
    assert in_words(10_205) == "one hundred and two pounds and five pence"
    assert (
        in_words(123_456) == "one thousand two hundred and thirty-four pounds and fifty-six pence"
    )
    assert in_words(1_200_000) == "twelve thousand pounds"
    assert in_words(501_700) == "five thousand and seventeen pounds"


def _cells(sample: AASample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_carries_its_running_balance(every: list[AASample]) -> None:
    """Every transaction row's balance (CR or DR) is the last one's plus or minus its
    amount, from the balance brought forward to the one carried forward."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = [r for r in _cells(sample) if r and re.fullmatch(r"\d\d [A-Z][a-z]{2}", r[0].text)]
        assert rows[0][1].text == "BALANCE FORWARD", sample.name
        assert rows[-1][1].text == "BALANCE CARRIED FORWARD", sample.name

        def signed(cell: PrintCell) -> int:
            (amount,) = amounts_pence(cell.text)
            return amount if cell.text.endswith("CR") else -amount

        running = signed(rows[0][-1])
        for row in rows[1:-1]:
            (change,) = amounts_pence(" ".join(c.text for c in row[2:-1]))
            after = signed(row[-1])
            assert after in (running - change, running + change), sample.name
            running = after
        assert signed(rows[-1][-1]) == running, sample.name
    assert seen == 4


def test_a_ledger_ends_on_the_sum_owed_and_aged_debt_adds_up(every: list[AASample]) -> None:
    kinds = {"ledger": 0, "aged": 0}
    for sample in every:
        text = aa_text(sample)
        rows = _cells(sample)
        owed = sample.truth.balance_pence
        if "STATEMENT OF ACCOUNT" in text:
            kinds["ledger"] += 1
            moves = [r for r in rows if len(r) >= 3 and r[1].text and r[-1].align == "right"
                     and re.fullmatch(r"[\d,]+\.\d\d", r[-1].text)]  # fmt: skip
            running = amounts_pence(moves[0][-1].text)[0]
            for row in moves[1:]:
                debit = amounts_pence(row[2].text) if row[2].text else [0]
                credit = amounts_pence(row[3].text) if row[3].text else [0]
                running += debit[0] - credit[0]
                assert amounts_pence(row[-1].text)[0] == running, sample.name
            assert running == owed, sample.name
        if "Over 90 days" in text:
            kinds["aged"] += 1
            (row,) = [r for r in rows if r and r[0].text == "Amount"]
            figures = list(row[1:])
            assert [c.x for c in figures] == list(AGE_X), sample.name
            parts = [int(c.text.replace(".", "")) for c in figures]
            assert sum(parts[:-1]) == parts[-1] == owed, sample.name
    assert min(kinds.values()) >= 10, kinds


def test_bilingual_rows_repeat_each_value_in_the_polish_column(every: list[AASample]) -> None:
    seen = 0
    for sample in every:
        if "Polski / Polish" not in aa_text(sample):
            continue
        seen += 1
        rows = _cells(sample)
        right = " ".join(c.text for r in rows for c in r if c.x >= SPLIT and c.bold)
        left = " ".join(c.text for r in rows for c in r if c.x < SPLIT - 0.02 and c.bold)
        found, total = values_in_text(sample.truth, right)
        assert found >= total - 1, sample.name  # all but the writer (its letterhead)
        assert values_in_text(sample.truth, left)[0] >= total - 1, sample.name
        for row in rows:
            assert not any(c.align == "left" and SPLIT - 0.03 < c.x < SPLIT for c in row), (
                sample.name
            )
    assert seen >= 10


def test_an_email_quotes_an_earlier_message_and_a_timeline_runs_in_order(
    every: list[AASample],
) -> None:
    kinds = {"email": 0, "timeline": 0}
    for sample in every:
        text = aa_text(sample)
        if "PeakPost Mail" in text:
            kinds["email"] += 1
            head, quoted = text.split(" wrote:")
            assert re.search(r"^>", quoted, re.M), sample.name
            assert all(line.startswith(">") for line in quoted.strip().splitlines()[:-1]), (
                sample.name
            )
            found, total = values_in_text(sample.truth, head)
            assert found == total, sample.name
            if sample.truth.balance_pence is not None:  # the quoted sum is an older one
                assert plain(sample.truth.balance_pence) not in quoted, sample.name
        if "step by step" in text:
            kinds["timeline"] += 1
            rows = _cells(sample)
            bars = [r for r in rows if len(r) == 3 and r[1].text == "|" and r[1].x == BAR - 0.005]
            days = [corpus_blind_aa._back(r[0].text) for r in bars if r[0].text != "next"]
            assert days == sorted(days), sample.name
            assert len(days) >= 2, sample.name
    assert min(kinds.values()) >= 10, kinds


def phrases() -> tuple[list[str], list[str]]:
    """AA's own wording as written in ``corpus_blind_aa`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_aa))):
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
"""Public bodies every family may name: not AA's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_aa_is_in_an_earlier_family() -> None:
    """AA is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I and J, nor most of its
    labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    aa = corpus_blind_aa
    orgs = [o for o in vars(aa).values() if isinstance(o, aa.Org)]
    orgs += [
        o for v in vars(aa).values() if isinstance(v, tuple) for o in v if isinstance(o, aa.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in aa.PEOPLE),
        *(street for street, _, _ in aa.ADDRESSES),
        "Your account, step by step", "Polski / Polish", "PeakPost Mail",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[AASample]) -> None:
    for sample in every:
        for text in (aa_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[AASample], every: list[AASample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: aa_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[AASample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    width, height = page_size(single, SCANS[0].dpi)
    carbon = render(single, 0, SCANS[0], seed=3)
    assert carbon.mode == "RGB"
    assert carbon.size[0] > width  # turned
    pixels = np.asarray(carbon)[height // 4 : height // 2, width // 10 : width // 2].reshape(-1, 3)
    inked = pixels[pixels.sum(axis=1) < 560]
    assert len(inked)
    assert (inked[:, 2].astype(int) - inked[:, 0]).mean() > 25  # blue, not black
    assert inked.sum(axis=1).min() > 150  # faint: never black
    fed = render(single, 0, SCANS[1], seed=3)
    assert fed.mode == "L"
    fw, fh = page_size(single, SCANS[1].dpi)
    assert fed.size == (round(fw * corpus_blind_aa.CUT), fh)  # cut, not expanded
    assert fed.getpixel((2, 2)) == 70  # the bed shows at a cut corner
    toner = render(single, 0, SCANS[2], seed=3)
    assert toner.mode == "L"
    # never black (but the turn's bicubic ringing)
    assert ImageStat.Stat(toner).extrema[0][0] >= corpus_blind_aa.TONER - 40
    data, fmt, _ = aa_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = aa_scanned(single, 1)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aa_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = aa_scanned(single, 2)
    assert fmt == "tiff"
    assert Image.open(io.BytesIO(data)).info["compression"] == "packbits"


def test_low_toner_is_lighter_in_bands() -> None:
    """A black page comes out grey, and lighter in some columns than in others."""
    page = Image.new("RGB", (600, 200), (0, 0, 0))
    out = np.asarray(corpus_blind_aa._toner(page, __import__("random").Random(5)), dtype=int)
    columns = out.mean(axis=0)
    assert columns.min() >= corpus_blind_aa.TONER - 1
    assert columns.max() - columns.min() > 30


def digest() -> str:
    samples = build_aa(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{aa_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_aa") == digest()


def test_family_aa_is_trained_on_only_as_a_read_family() -> None:
    """AA is seen since round 21 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AA" in read_families.READ
    assert "corpus_blind_aa" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_aa", "AA")


# -- the reader on AA (seen since round 21, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def aa_score(
    family: list[AASample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 73% (22/30), original creditor 2/2, reference 87% (26/30), "
    "balance 97% (29/30), letter date 50% (18/36), deadline 58% (14/24), claim no. 4/4, "
    "payer 3/4, income 4/4, gross 2/2, frequency 4/4, served 0/2 (branch corpusaa off "
    "6e0552d = main's round-19 reader with the later additions, shipped classifier and "
    "field ranker 2026-12-05.19; on 76 documents: benchmarks/OCR.md, 'Family AA')"
)
"""The first measurement (38 documents here), blind."""
ROUND_21 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 21 (rules + classifier and field ranker 2026-12-05.21, trained
with AA). Blind before (rounds 19 and 20): the creditor, the reference, the letter date, the
deadline, the payer and the served date under the floor (dates printed year first, "2026
Dec 04"; a timeline whose first date is not the letter's; e-mails printed from web-mail; a
court's paragraphs naming who brings the claim): benchmarks/OCR.md, 'Round 21'."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.55, "balance_pence": 0.75, "letter_date": 0.35}
"""Well under the first measurement of the fields that every debt letter states (73%, 97%
and 50% here, blind): a collapse, not a small loss."""


def test_family_aa_is_read_above_a_collapse_floor(aa_score: Score) -> None:
    print("\n" + aa_score.table("family AA (seen since round 21), perfect text"))
    assert aa_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (aa_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_aa_meets_the_floor(aa_score: Score, field: str) -> None:
    """Seen since round 21 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_21 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(aa_score.accuracy(field), field), field
