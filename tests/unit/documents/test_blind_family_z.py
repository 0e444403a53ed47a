"""Family Z (``corpus_blind_z.py``), written blind in a fifteenth hand (its organisations
and wording new to A-Y) and measured blind on rounds 15, 16 and 17; seen since round 18,
which read its misses and trains on it as a read family (``read_families``): the family
itself (every class, ground truth printed, deterministic, laid out on the page) and the
reader measured on it on perfect text, as the product reads (the shipped classifier and
field ranker). The OCR sample is in tests/integration/ocr/test_blind_family_z_ocr.py; the
figures are in benchmarks/OCR.md ("Family Z", "Round 18"). Being seen, Z's figures here
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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_z, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_z import (
    AGES,
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    ZSample,
    ZScan,
    build_z,
    code_line,
    page_size,
    plain,
    render,
    values_in_text,
    z_pages,
    z_scanned,
    z_text,
)
from cma_adapters.rules_assistant.corpus_print import PrintCell
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_y", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-Y (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[ZSample]:
    return build_z(2)


@pytest.fixture(scope="module")
def every() -> list[ZSample]:
    return build_z(4)


@pytest.fixture(scope="module")
def texts(family: list[ZSample]) -> dict[str, str]:
    return {s.name: z_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ZSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: z_pages(s) for s in family}


def test_every_class_has_family_z_with_the_fields_it_yields(
    family: list[ZSample], every: list[ZSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":Z")
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
    assert "Dear Customer," in text  # the footer-only letters
    assert "Total VAT" in text  # the invoice's totals
    assert "Amount due" in text
    assert "REPLY FORM" in text  # the reply form, its dotted blanks and its code line
    assert "I can pay £ ......" in text
    assert re.search(r"\d+  \d{10}  \d\d>", text)
    assert "Account #:" in text  # the American house style
    assert "Sincerely," in text
    assert re.search(r"^Dear M\w+ [\w-]+:$", text, re.M)
    assert "Over 90 days" in text  # the aged analysis
    assert "PAY ADVICE" in text
    assert "Pay and hours statement" in text
    assert "continuation sheet" in text
    assert re.search(r"\b\d\d/\d\d/\d{4}\b", text)
    assert any(len(s.pages) == 2 for s in family)
    assert {s.style.face for s in family} == {"caladea", "palladio", "carlito"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4 December 2026",
        "04/12/2026",
        "4th Dec 2026",
        "December 4, 2026",
    ]
    days = (1, 2, 3, 11, 12, 13, 21, 22, 23)
    assert [DATE_SHAPES[2](dt.date(2026, 12, d)).split()[0] for d in days] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "23rd",
    ]  # fmt: skip
    assert plain(123_456) == "1,234.56"
    assert code_line("AB-12/34", 123_456) == "1234  0000123456  31>"


def test_a_statement_sums_its_running_balance(every: list[ZSample]) -> None:
    """The summary's closing balance is its opening balance less money out plus money in;
    every transaction row's balance is the last one's plus or minus its amount; the last row
    is the closing balance."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = z_text(sample).splitlines()
        heads = ("Opening balance", "Money out", "Money in", "Closing balance")
        summary = {
            k: amounts_pence(line)[-1] for line in lines for k in heads if line.startswith(k)
        }
        assert summary["Closing balance"] == (
            summary["Opening balance"] - summary["Money out"] + summary["Money in"]
        ), sample.name
        start = next(n for n, line in enumerate(lines) if "Description" in line)
        rows = [line for line in lines[start:] if re.search(r"\d\.\d\d$", line) and "/" in line[:6]]
        assert "Opening balance" in rows[0], sample.name
        assert "Closing balance" in rows[-1], sample.name
        running = amounts_pence(rows[0])[-1]
        for row in rows[1:-1]:
            change, after = amounts_pence(row)
            assert after in (running - change, running + change), sample.name
            running = after
        assert amounts_pence(rows[-1])[-1] == running == summary["Closing balance"], sample.name
    assert seen == 4


def _foot_and_body(sample: ZSample) -> tuple[str, str]:
    page = sample.pages[0]
    foot = sample.feet[0] or len(page)
    body = " ".join(c.text for row in page[:foot] for c in row)
    return body, " ".join(c.text for row in page[foot:] for c in row)


def test_the_footer_only_letters_name_their_writer_only_at_the_foot(every: list[ZSample]) -> None:
    names = [o.name for o in vars(corpus_blind_z).values() if isinstance(o, corpus_blind_z.Org)]
    seen = 0
    for sample in every:
        body, foot = _foot_and_body(sample)
        if "Dear Customer," not in body:
            continue
        seen += 1
        writers = [name for name in names if name in foot]
        assert writers, sample.name
        for name in writers:
            assert name not in body, sample.name
    assert seen >= 10


def test_the_invoices_aged_analyses_and_code_lines_add_up(every: list[ZSample]) -> None:
    kinds = dict.fromkeys(("invoice", "aged", "code"), 0)
    for sample in every:
        owed = sample.truth.balance_pence
        lines = z_text(sample).splitlines()
        if owed is None:
            continue
        due = [line for line in lines if line.strip().startswith("Amount due")]
        if due:
            kinds["invoice"] += 1
            assert amounts_pence(due[0]) == [owed], sample.name
            net = next(
                amounts_pence(line)[0] for line in lines if line.strip().startswith("Total net")
            )
            vat = [amounts_pence(line)[0] for line in lines if line.strip().startswith("Total VAT")]
            assert net + sum(vat) == owed, sample.name
        heads = [
            n
            for n, line in enumerate(lines)
            if line.startswith("Current") and "Over 90 days" in line
        ]
        if heads:
            kinds["aged"] += 1
            *ages, total = amounts_pence(lines[heads[0] + 1])
            assert len(ages) == len(AGES), sample.name
            assert sum(ages) == total == owed, sample.name
        if "REPLY FORM" in "\n".join(lines):
            kinds["code"] += 1
            assert any(line.strip().endswith(">") and f"{owed:010d}" in line for line in lines), (
                sample.name
            )
    assert min(kinds.values()) >= 6, kinds


def test_the_aligned_labels_end_at_one_edge(family: list[ZSample]) -> None:
    """The aligned setting's labels are right-aligned cells ending in a colon at one x,
    each with its value left-aligned just after it."""
    seen = 0
    for sample in family:
        rows = [
            r for r in sample.pages[0] if len(r) == 2 and isinstance(r[0], PrintCell)
            and r[0].align == "right" and r[0].text.endswith(":") and r[1].x > r[0].x
        ]  # fmt: skip
        if len(rows) >= 4:
            seen += 1
            assert len({r[0].x for r in rows}) == 1, sample.name
    assert seen >= 8


def phrases() -> tuple[list[str], list[str]]:
    """Z's own wording as written in ``corpus_blind_z`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_z))):
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
"""Public bodies every family may name: not Z's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_z_is_in_an_earlier_family() -> None:
    """Z is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Y, nor most of its labels (real letters
    share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    z = corpus_blind_z
    orgs = [o for o in vars(z).values() if isinstance(o, z.Org)]
    orgs += [o for v in vars(z).values() if isinstance(v, tuple) for o in v if isinstance(o, z.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in z.PEOPLE),
        *(street for street, _, _ in z.ADDRESSES),
        "Please detach this part and return it to us", "Aged analysis of your account",
        "Pay and hours statement", "continuation sheet",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 30
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[ZSample]) -> None:
    for sample in every:
        for text in (z_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ZSample], every: list[ZSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: z_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ZSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders; the turn widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003
    fax = render(single, 0, SCANS[0], seed=3)
    assert fax.mode == "L"
    assert {v for _, v in fax.getcolors() or []} <= {0, 255}  # black and white
    clean = render(single, 0, ZScan(dpi=150, skew=0.6, fax=True), seed=4)
    assert ImageStat.Stat(fax).mean != ImageStat.Stat(clean).mean  # the bands fall elsewhere
    colour = render(single, 0, SCANS[1])
    assert colour.mode == "RGB"
    counts = colour.getcolors(colour.width * colour.height) or []
    red = sum(n for n, (r, g, b) in counts if r > 150 and g < 90 and b < 90)
    blue = sum(n for n, (r, g, b) in counts if b > r + 50 and b > 90)
    assert red > 500  # the stamp
    assert blue > 100  # the letterhead
    app = render(single, 0, SCANS[2])
    w, _ = app.size
    note = ImageStat.Stat(app.crop((int(w * 0.78), 8, int(w * 0.9), 40))).mean
    assert note[2] < note[0] - 60  # yellow: much less blue than red
    data, fmt, _ = z_scanned(single, 2)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = z_scanned(single, 1)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(300, abs=1)
    data, fmt, _ = z_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = z_scanned(single, 0)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = z_scanned(two, 1)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_z(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{z_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_z") == digest()


def test_family_z_is_trained_on_only_as_a_read_family() -> None:
    """Z is seen since round 18 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "Z" in read_families.READ
    assert "corpus_blind_z" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_z", "Z")


# -- the reader on Z (seen since round 18, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def z_score(
    family: list[ZSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 87% (26/30), original creditor 2/2, reference 100% "
    "(30/30), balance 97% (29/30), letter date 100% (36/36), deadline 100% (24/24), claim "
    "no. 4/4, payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusz "
    "off 4807992 = main's round-15 reader, shipped classifier and field ranker 2026-12-04.15; "
    "on 76 documents: benchmarks/OCR.md, 'Family Z')"
)
"""The first measurement (38 documents here), blind."""
ROUND_18 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 18 (rules + classifier and field ranker 2026-12-05.18, trained
with Z). Blind before (rounds 15 to 17): the creditor under the floor (a firm named only in
its registration at the foot, under a desk's letterhead), 26/30 each round."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the fields that every debt letter states: a
collapse, not a small loss."""


def test_family_z_is_read_above_a_collapse_floor(z_score: Score) -> None:
    print("\n" + z_score.table("family Z (seen since round 18), perfect text"))
    assert z_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (z_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_z_meets_the_floor(z_score: Score, field: str) -> None:
    """Seen since round 18 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_18 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(z_score.accuracy(field), field), field
