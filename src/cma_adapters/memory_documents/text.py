"""A text extractor that returns text it was given, keyed by the document's bytes."""

from __future__ import annotations

import hashlib

from cma_core.documents.errors import CorruptDocument
from cma_core.documents.files import ContentType
from cma_core.documents.model import PageText
from cma_core.documents.ports import TextExtractor


class CannedTextExtractor(TextExtractor):
    """Pages registered per document (by SHA-256 of its bytes), else ``default``.

    Bytes registered with ``corrupt`` raise ``CorruptDocument``, as a real extractor would.
    Every call is recorded in ``calls``.
    """

    def __init__(self, default: tuple[PageText, ...] | None = None) -> None:
        self._pages: dict[str, tuple[PageText, ...]] = {}
        self._corrupt: set[str] = set()
        self.default = default
        self.calls: list[tuple[str, ContentType]] = []

    def register(self, data: bytes, *pages: str, confidence: float = 0.9) -> None:
        self._pages[_digest(data)] = tuple(
            PageText(number=i, text=t, confidence=confidence) for i, t in enumerate(pages, 1)
        )

    def register_pages(self, data: bytes, *pages: PageText) -> None:
        """Pages as given, with their words and boxes (a read with layout, like OCR's)."""
        self._pages[_digest(data)] = pages

    def corrupt(self, data: bytes) -> None:
        self._corrupt.add(_digest(data))

    async def extract(self, data: bytes, content_type: ContentType) -> tuple[PageText, ...]:
        digest = _digest(data)
        self.calls.append((digest, content_type))
        if digest in self._corrupt:
            raise CorruptDocument("the file could not be read")
        pages = self._pages.get(digest, self.default)
        if pages is None:
            return (PageText(number=1, text="", confidence=0.0),)
        return pages


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
