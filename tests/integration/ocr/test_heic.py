"""HEIC (phone photos of letters) through pillow-heif and real Tesseract."""

from __future__ import annotations

import io

import pillow_heif
import pytest
from PIL import Image
from tests.integration.ocr.corpus import TEMPLATES, Truth, encode, render

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.errors import CorruptDocument
from cma_core.documents.files import ContentType, inspect_upload
from cma_core.documents.model import DocumentClass, PageSource

_TEMPLATE, TRUTH = TEMPLATES[0]  # a creditor's arrears letter
assert TRUTH.document_class is DocumentClass.CREDITOR_LETTER


@pytest.fixture(scope="module")
def extractor() -> TesseractTextExtractor:
    return TesseractTextExtractor(dpi=150)


def _photo() -> Image.Image:
    """The letter as a phone sees it: colour, a degree off square."""
    return render(_TEMPLATE(TRUTH), rotate=1.0).convert("RGB")


async def _assert_reads_as_the_letter(extractor: TesseractTextExtractor, data: bytes) -> None:
    assert inspect_upload(data).content_type is ContentType.HEIC
    [page] = await extractor.extract(data, ContentType.HEIC)
    assert page.source is PageSource.OCR
    assert page.confidence > 0.8
    assert "Your account is in arrears" in page.text
    extraction = await RuleBasedAssistant().classify_and_extract(page.text)
    expected: Truth = TRUTH
    assert extraction.document_class is expected.document_class
    assert extraction.creditor_name == expected.creditor_name
    assert extraction.account_reference == expected.account_reference
    assert extraction.balance_pence == expected.balance_pence
    assert extraction.letter_date == expected.letter_date
    assert extraction.deadline_date == expected.deadline_date


async def test_heic_letter_is_read_with_its_fields(extractor: TesseractTextExtractor) -> None:
    await _assert_reads_as_the_letter(extractor, encode(_photo(), ContentType.HEIC))


async def test_sideways_heic_is_turned_upright(extractor: TesseractTextExtractor) -> None:
    # A phone held sideways stores the pixels turned and says so in the file (EXIF
    # orientation 6 becomes a HEIF ``irot`` transform); libheif applies it on decode.
    stored = _photo().rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    pillow_heif.from_pillow(stored).save(out, quality=60, exif=exif.tobytes())
    await _assert_reads_as_the_letter(extractor, out.getvalue())


def _small_heic() -> bytes:
    return encode(render(["Some text"]).crop((0, 0, 600, 200)), ContentType.HEIC)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: d[: len(d) // 2], id="truncated"),
        pytest.param(lambda d: d[:32] + bytes(len(d) - 32), id="zeroed-after-ftyp"),
        pytest.param(lambda d: d[:24], id="ftyp-only"),
        pytest.param(lambda d: d[:40] + bytes(b ^ 0x5A for b in d[40:]), id="scrambled-meta-box"),
    ],
)
async def test_corrupt_heic_is_a_corrupt_document(
    extractor: TesseractTextExtractor, damage: object
) -> None:
    data = damage(_small_heic())  # type: ignore[operator]
    assert inspect_upload(data).content_type is ContentType.HEIC  # passes the sniff
    with pytest.raises(CorruptDocument, match="could not be read"):
        await extractor.extract(data, ContentType.HEIC)
