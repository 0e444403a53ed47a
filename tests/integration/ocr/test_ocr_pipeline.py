"""Real Tesseract + the rule-based assistant over a generated corpus, scored per field."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import pytest
from PIL import Image
from tests.integration.ocr.corpus import Sample, build_corpus, encode, render

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.errors import CorruptDocument
from cma_core.documents.files import ContentType, inspect_upload
from cma_core.documents.model import DocumentClass, PageSource
from cma_core.shared.errors import ValidationError

FIELDS = (
    "document_class",
    "creditor_name",
    "account_reference",
    "balance_pence",
    "letter_date",
    "deadline_date",
    "court_claim_number",
)
# Floors sit under what was measured (benchmarks/OCR.md) to absorb Tesseract version drift.
FLOORS = {
    "document_class": 0.9,
    "creditor_name": 0.8,
    "account_reference": 0.8,
    "balance_pence": 0.8,
    "letter_date": 0.8,
    "deadline_date": 0.75,
    "court_claim_number": 0.75,
}


def _norm(field: str, value: Any) -> Any:
    if isinstance(value, str):
        if field in ("account_reference", "court_claim_number"):
            return "".join(c for c in value.upper() if c.isalnum())
        return " ".join(value.casefold().replace(".", "").split())
    return value


@pytest.fixture(scope="module")
def corpus() -> list[Sample]:
    return build_corpus()


@pytest.fixture(scope="module")
def extractor() -> TesseractTextExtractor:
    return TesseractTextExtractor(dpi=150)


async def test_pipeline_accuracy_per_field(
    corpus: list[Sample], extractor: TesseractTextExtractor
) -> None:
    assistant = RuleBasedAssistant()
    results = await asyncio.gather(*(extractor.extract(s.data, s.content_type) for s in corpus))
    hits = dict.fromkeys(FIELDS, 0)
    totals = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for sample, pages in zip(corpus, results, strict=True):
        assert [p.number for p in pages] == [1]
        assert pages[0].source is PageSource.OCR
        assert pages[0].confidence > 0.5, sample.name
        extraction = await assistant.classify_and_extract("\f".join(p.text for p in pages))
        for field in FIELDS:
            expected = getattr(sample.truth, field)
            if expected is None:
                continue
            got = getattr(extraction, field)
            totals[field] += 1
            if _norm(field, got) == _norm(field, expected):
                hits[field] += 1
            else:
                misses.append(f"{sample.name}: {field} expected {expected!r}, got {got!r}")

    print(f"\nOCR + rules accuracy over {len(corpus)} generated pages")
    print(f"{'field':<20}{'correct':>9}{'total':>7}{'accuracy':>10}")
    for field in FIELDS:
        share = hits[field] / totals[field]
        print(f"{field:<20}{hits[field]:>9}{totals[field]:>7}{share:>10.0%}")
    for miss in misses:
        print("  miss:", miss)
    for field, floor in FLOORS.items():
        assert hits[field] / totals[field] >= floor, (field, misses)


async def test_multi_page_tiff_gives_one_page_each(extractor: TesseractTextExtractor) -> None:
    first = render(["Page one says hello"]).crop((0, 0, 900, 200))
    second = render(["Page two says goodbye"]).crop((0, 0, 900, 200))
    out = io.BytesIO()
    first.save(out, format="TIFF", save_all=True, append_images=[second])
    pages = await extractor.extract(out.getvalue(), ContentType.TIFF)
    assert [p.number for p in pages] == [1, 2]
    assert "hello" in pages[0].text.lower()
    assert "goodbye" in pages[1].text.lower()


async def test_blank_page_is_kept_with_no_confidence(extractor: TesseractTextExtractor) -> None:
    blank = encode(Image.new("L", (400, 300), 255), ContentType.PNG)
    [page] = await extractor.extract(blank, ContentType.PNG)
    assert page.text == ""
    assert page.confidence == 0.0


def _text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Helvetica), built by hand."""
    body = (
        "BT /F1 12 Tf 72 760 Td 16 TL "
        + " ".join(f"({line.replace('(', '[').replace(')', ']')}) '" for line in lines)
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


async def test_pdf_text_layer_is_used_without_ocr(extractor: TesseractTextExtractor) -> None:
    data = _text_pdf(
        [
            "Acme Loans Ltd",
            "Date: 3 March 2025",
            "Account number: AL-1234567",
            "Your account is in arrears. Outstanding balance: GBP 1,234.56",
        ]
    )
    assert inspect_upload(data).content_type is ContentType.PDF
    [page] = await extractor.extract(data, ContentType.PDF)
    assert page.source is PageSource.TEXT_LAYER
    assert page.confidence == 1.0
    extraction = await RuleBasedAssistant().classify_and_extract(page.text)
    assert extraction.document_class is DocumentClass.CREDITOR_LETTER
    assert extraction.account_reference == "AL-1234567"
    assert extraction.balance_pence == 123456


async def test_a_text_layer_gives_each_word_where_it_is_printed(
    extractor: TesseractTextExtractor,
) -> None:
    """The words of a PDF's text layer carry boxes in the pixels of the page drawn at the
    extractor's resolution (here 150 dpi: 72 points are 150 pixels), so the reader places
    values by position and the adviser sees each value's box where it is printed."""
    data = _text_pdf(["Acme Loans Ltd", "Date: 3 March 2025", "Account number: AL-1234567"])
    [page] = await extractor.extract(data, ContentType.PDF)
    px = extractor.dpi / 72
    assert page.size == (round(595 * px), round(842 * px))
    words = {w.text: w.box for w in page.words}
    assert [w.text for w in page.words][:3] == ["Acme", "Loans", "Ltd"]
    for text, line in (("Acme", 1), ("Date:", 2), ("AL-1234567", 3)):
        box = words[text]
        baseline = (842 - (760 - 16 * line)) * px  # each line 16 points below the last
        assert box.top < baseline < box.bottom + 2, (text, box, baseline)
        assert box.height < 16 * px  # one line high
    assert abs(words["Acme"].left - 72 * px) < 2  # the text starts 72 points in
    assert words["Loans"].left > words["Acme"].right
    assert words["Loans"].top == words["Acme"].top
    extraction = await RuleBasedAssistant().classify_and_extract(page.text, (page,))
    [reference] = [e for e in extraction.evidence if e.field == "account_reference" and e.chosen]
    assert reference.box is not None
    assert reference.box.left >= words["AL-1234567"].left - 1
    assert reference.box.top == words["AL-1234567"].top


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"%PDF-1.7\n1 0 obj garbage with no xref", ContentType.PDF),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ContentType.PNG),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 10, ContentType.JPEG),
    ],
)
async def test_corrupt_files_raise_a_domain_error(
    extractor: TesseractTextExtractor, data: bytes, content_type: ContentType
) -> None:
    with pytest.raises(CorruptDocument, match="could not be read"):
        await extractor.extract(data, content_type)


async def test_truncated_png_is_corrupt(extractor: TesseractTextExtractor) -> None:
    good = encode(render(["Some text"]), ContentType.PNG)
    with pytest.raises(CorruptDocument):
        await extractor.extract(good[: len(good) // 2], ContentType.PNG)


async def test_too_many_pages_is_refused() -> None:
    extractor = TesseractTextExtractor(max_pages=1)
    pages = [Image.new("L", (50, 50), 255) for _ in range(2)]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:])
    with pytest.raises(ValidationError) as err:
        await extractor.extract(out.getvalue(), ContentType.PDF)
    assert err.value.field == "file"
