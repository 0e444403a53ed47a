"""Pages handed to Tesseract as uploaded (``direct.py``) read exactly as before.

The reference is the extractor as it was before that path existed: the page decoded and
prepared with Pillow, then ``pytesseract.image_to_data`` (a PNG in a temporary file) with
the same ``--psm``/``--dpi``. The new extractor, both with the direct path and without it
(its decoded pages now go to Tesseract as a PackBits TIFF on standard input), must give the
same text, confidence and word boxes on corpus pages of every kind an upload takes.
"""

from __future__ import annotations

import io
from typing import Any

import pytesseract
import pytest
from PIL import Image
from tests.integration.ocr.corpus import encode, render

from cma_adapters.rules_assistant.corpus import (
    SCANS_HELD,
    SCANS_SEEN,
    build_corpus,
    encode_pages,
    render_page,
)
from cma_adapters.tesseract import TesseractTextExtractor
from cma_adapters.tesseract.direct import direct_size, is_image_bytes
from cma_adapters.tesseract.extractor import _assemble, _packed, _words
from cma_core.documents.errors import CorruptDocument
from cma_core.documents.files import ContentType
from cma_core.documents.model import PageSource, PageText
from cma_core.shared.errors import ValidationError

TYPES = {"png": ContentType.PNG, "jpeg": ContentType.JPEG, "pdf": ContentType.PDF}


def _pages() -> list[tuple[str, bytes, ContentType, bool]]:
    """(name, file, type, whether the direct path takes it): corpus pages as uploads."""
    samples = build_corpus(1, seed=5)
    scans = (*SCANS_SEEN, *SCANS_HELD)
    out: list[tuple[str, bytes, ContentType, bool]] = []
    for i, (fmt, dpi_kept) in enumerate(
        [("png", True), ("png", False), ("jpeg", True), ("png", True), ("jpeg", False)]
    ):
        sample, scan = samples[i * 7 % len(samples)], scans[i % len(scans)]
        image = render_page(sample.pages[0], scan, seed=i)
        data = encode_pages([image], fmt, scan.dpi if dpi_kept else None)
        out.append((f"{fmt}-{scan.dpi}-{i}", data, TYPES[fmt], True))
    rgb = render_page(samples[3].pages[0], SCANS_SEEN[0], seed=9).convert("RGB")
    out.append(("png-rgb", encode(rgb, ContentType.PNG), ContentType.PNG, False))
    pdf = encode_pages([render_page(samples[5].pages[0], SCANS_HELD[2], seed=3)], "pdf", 150)
    out.append(("pdf-scan", pdf, ContentType.PDF, False))
    return out


PAGES = _pages()


def _as_before(extractor: TesseractTextExtractor, data: bytes, kind: ContentType) -> PageText:
    """One page read the way the extractor did before the direct path (PNG temp file)."""
    if kind is ContentType.PDF:
        document = extractor._open_pdf(data)
        image, dpi = extractor._read_pdf_page(document, 1), extractor.dpi
        document.close()
    else:
        [(image, dpi)] = extractor._open_image(data)
    result = pytesseract.image_to_data(
        image,
        lang=extractor.lang,
        config=f"--psm {extractor.psm} --dpi {dpi}",
        output_type=pytesseract.Output.DICT,
    )
    text, confidence = _assemble(result)
    return PageText(
        number=1,
        text=text,
        confidence=confidence,
        source=PageSource.OCR,
        words=_words(result),
        size=image.size,
    )


@pytest.mark.parametrize(("name", "data", "kind", "direct"), PAGES, ids=[p[0] for p in PAGES])
async def test_same_text_and_boxes_as_before(
    name: str, data: bytes, kind: ContentType, direct: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (direct_size(data, kind) is not None) is direct, name
    before = _as_before(TesseractTextExtractor(), data, kind)
    assert before.words, name  # a page with text, or the comparison proves nothing
    for extractor in (TesseractTextExtractor(), TesseractTextExtractor(direct=False)):
        given: list[bytes] = []
        tsv = extractor._tsv

        def spy(
            number: int, image: bytes, dpi: int | None, tsv: Any = tsv, given: Any = given
        ) -> Any:
            given.append(image)
            return tsv(number, image, dpi)

        monkeypatch.setattr(extractor, "_tsv", spy)
        [now] = await extractor.extract(data, kind)
        # Tesseract was given the upload itself exactly when the direct path applies.
        assert (given == [data]) is (direct and extractor.direct), name
        assert now.text == before.text, name
        assert now.words == before.words, name
        assert now.confidence == before.confidence, name
        assert now.size == before.size, name


# -- what the direct path refuses (and the decoding path then reads or rejects) ---------


def _png(image: Image.Image, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", **params)
    return out.getvalue()


def _jpeg(image: Image.Image, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", **params)
    return out.getvalue()


PAGE = render(["Account reference AL-1234567", "Balance 1,234.56"])


def _rotated_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90 degrees
    return _jpeg(PAGE, exif=exif.tobytes())


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(_png(PAGE.convert("RGB")), ContentType.PNG, id="rgb"),
        pytest.param(_png(PAGE.convert("1")), ContentType.PNG, id="one-bit"),
        pytest.param(_png(PAGE.convert("I;16")), ContentType.PNG, id="sixteen-bit"),
        pytest.param(_png(PAGE, transparency=255), ContentType.PNG, id="transparency"),
        pytest.param(_png(PAGE.rotate(90, expand=True)), ContentType.PNG, id="landscape"),
        pytest.param(_png(PAGE)[:-200], ContentType.PNG, id="truncated"),
        pytest.param(_png(PAGE), ContentType.JPEG, id="declared-jpeg"),
        pytest.param(_jpeg(PAGE.convert("RGB")), ContentType.JPEG, id="jpeg-colour"),
        pytest.param(_rotated_jpeg(), ContentType.JPEG, id="jpeg-exif-turned"),
        pytest.param(_jpeg(PAGE)[:-100], ContentType.JPEG, id="jpeg-truncated"),
        pytest.param(_png(PAGE), ContentType.TIFF, id="tiff"),
    ],
)
def test_direct_path_refuses_what_needs_preparing(data: bytes, kind: ContentType) -> None:
    assert direct_size(data, kind) is None


def test_direct_path_takes_a_plain_grey_page() -> None:
    assert direct_size(_png(PAGE, dpi=(150, 150)), ContentType.PNG) == (
        PAGE.size,
        pytest.approx((150, 150), abs=0.1),
    )
    assert direct_size(_jpeg(PAGE), ContentType.JPEG) is not None


def test_only_image_signatures_reach_tesseract() -> None:
    # On its standard input Tesseract reads a non-image as a list of files to open.
    assert not is_image_bytes(b"/etc/passwd\n")
    assert is_image_bytes(_png(PAGE))
    assert is_image_bytes(_jpeg(PAGE))
    assert is_image_bytes(_packed(PAGE))  # (what the decoding path hands over)


def test_the_decoding_path_hands_over_the_same_pixels_packed() -> None:
    # (a PackBits TIFF, not a PGM, since ocrfast39: the same pixels, fewer bytes to read)
    packed = _packed(PAGE)
    assert packed.startswith(b"II*\x00")
    with Image.open(io.BytesIO(packed)) as image:
        assert image.mode == "L"
        assert image.size == PAGE.size
        assert image.tobytes() == PAGE.tobytes()
    assert len(packed) < len(PAGE.tobytes()) / 4


async def test_a_damaged_png_with_good_header_is_reported_corrupt() -> None:
    data = bytearray(_png(PAGE))
    data[len(data) // 2] ^= 0xFF  # inside the pixels: the chunk's CRC no longer matches
    assert direct_size(bytes(data), ContentType.PNG) is None
    with pytest.raises(CorruptDocument):
        await TesseractTextExtractor().extract(bytes(data), ContentType.PNG)


@pytest.mark.parametrize("direct", [True, False])
async def test_decompression_bomb_is_refused_before_tesseract(
    direct: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _png(PAGE)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", PAGE.width * PAGE.height // 4)
    extractor = TesseractTextExtractor(direct=direct)
    monkeypatch.setattr(extractor, "_tsv", _never)
    with pytest.raises(ValidationError) as err:
        await extractor.extract(data, ContentType.PNG)
    assert err.value.field == "file"


def _never(*_: object) -> None:
    raise AssertionError("tesseract must not see this file")


@pytest.mark.parametrize(("value", "direct"), [(None, True), ("on", True), ("off", False)])
async def test_cma_ocr_direct_setting_reaches_the_extractor(
    value: str | None, direct: bool, tmp_path: Any
) -> None:
    """``CMA_OCR_DIRECT=off`` (README's settings): every page decoded by Pillow first."""
    from cma_entrypoints.container import build_container, shutdown
    from cma_entrypoints.settings import Settings

    env = {"CMA_DATA_DIR": str(tmp_path)}
    if value is not None:
        env["CMA_OCR_DIRECT"] = value
    c = build_container(Settings.from_env(env))
    try:
        page, kind = PAGES[0][1], PAGES[0][2]
        pages = await c.text_extractor().extract(page, kind)
        assert pages[0].text.strip()
        inner = c.text_extractor()._inner._inner  # Timed → on first use → Tesseract
        assert isinstance(inner, TesseractTextExtractor)
        assert inner.direct is direct
    finally:
        await shutdown(c)
