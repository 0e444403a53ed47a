"""Page images for the console's evidence boxes: a document's page N as a PNG, in the same
pixel space the reader located values in.

PDF pages are rendered with pypdfium2 (PDFium, the engine Chrome uses; already what the
reader renders pages with) at the reader's resolution, so a box read at 300 dpi lands on
the same pixels. TIFF, PNG, JPEG and HEIC frames are opened with Pillow, turned upright
from their EXIF orientation as the reader does, and flattened to greyscale like the page
the reader saw. Nothing is written to disk; the bytes stay in memory.
"""

from __future__ import annotations

import asyncio
import io

import pypdfium2
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from cma_adapters.tesseract.extractor import _prepare, _register_heif
from cma_core.documents.errors import CorruptDocument
from cma_core.documents.files import ContentType
from cma_core.shared.errors import NotFound, ValidationError

_IMAGES = frozenset({ContentType.PNG, ContentType.JPEG, ContentType.TIFF, ContentType.HEIC})


class PdfiumPillowPageRenderer:
    """``PageRenderer`` with pypdfium2 (PDF) and Pillow (images)."""

    def __init__(self, dpi: int = 300) -> None:
        self.dpi = dpi

    async def render(self, data: bytes, content_type: ContentType, number: int) -> bytes:
        if number < 1:
            raise ValidationError("number", "pages are numbered from 1")
        if content_type is ContentType.PDF:
            return await asyncio.to_thread(self._pdf, data, number)
        if content_type in _IMAGES:
            if content_type is ContentType.HEIC:
                _register_heif()
            return await asyncio.to_thread(self._image, data, number)
        raise ValidationError("document_id", f"a {content_type.value} file has no page images")

    def _pdf(self, data: bytes, number: int) -> bytes:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as err:
            raise CorruptDocument(f"the PDF could not be opened ({err})") from None
        try:
            if number > len(document):
                raise NotFound("page", number)
            page = document[number - 1]
            try:
                image = page.render(scale=self.dpi / 72, grayscale=True).to_pil()
            finally:
                page.close()
        finally:
            document.close()
        return _png(image)

    def _image(self, data: bytes, number: int) -> bytes:
        try:
            with Image.open(io.BytesIO(data)) as image:
                for i, frame in enumerate(ImageSequence.Iterator(image), 1):
                    if i == number:
                        frame.load()
                        return _png(_prepare(ImageOps.exif_transpose(frame) or frame))
        except Image.DecompressionBombError:
            raise ValidationError("document_id", "image is too large to show") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
            raise CorruptDocument(f"the image could not be read ({err})") from None
        raise NotFound("page", number)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()
