"""Page images for evidence boxes: each frame of a TIFF, each page of a PDF at the reader's
resolution, and a clear refusal for files without pages or past the last page."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from cma_adapters.tesseract.pages import PdfiumPillowPageRenderer
from cma_core.documents.errors import CorruptDocument
from cma_core.documents.files import ContentType
from cma_core.shared.errors import NotFound, ValidationError


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


async def test_each_tiff_frame_is_a_page() -> None:
    frames = [Image.new("L", (200 + 10 * i, 300), 255) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:])
    renderer = PdfiumPillowPageRenderer()
    assert _size(await renderer.render(buf.getvalue(), ContentType.TIFF, 3)) == (220, 300)
    with pytest.raises(NotFound):
        await renderer.render(buf.getvalue(), ContentType.TIFF, 4)


async def test_a_pdf_page_is_drawn_at_the_readers_resolution() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (144, 72), "white").save(buf, format="PDF", resolution=72.0)
    png = await PdfiumPillowPageRenderer(dpi=150).render(buf.getvalue(), ContentType.PDF, 1)
    width, height = _size(png)
    assert abs(width - 300) <= 1
    assert abs(height - 150) <= 1


async def test_no_pages_bad_numbers_and_corrupt_bytes() -> None:
    renderer = PdfiumPillowPageRenderer()
    with pytest.raises(ValidationError) as err:
        await renderer.render(b"date,amount\n", ContentType.CSV, 1)
    assert err.value.field == "document_id"
    with pytest.raises(ValidationError):
        await renderer.render(b"", ContentType.PNG, 0)
    with pytest.raises(CorruptDocument):
        await renderer.render(b"%PDF-1.4 not really", ContentType.PDF, 1)
