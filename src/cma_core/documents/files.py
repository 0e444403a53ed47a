"""What an uploaded file is: its sniffed type, a safe name, its size and checksum.

The browser's declared content type and the file's extension are never trusted: the type
comes from the first bytes (magic numbers), and only types the OCR pipeline can read are
accepted. Filenames are reduced to something safe in a path, a ``Content-Disposition``
header and an adviser's screen.
"""

from __future__ import annotations

import codecs
import enum
import hashlib
import re
import unicodedata

from attrs import frozen

from cma_core.shared.errors import ValidationError

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
"""Largest accepted upload. Scanned letters are far smaller; this bounds OCR work."""

MAX_FILENAME_LENGTH = 120
SNIFF_BYTES = 64
"""How many leading bytes ``sniff_content_type`` needs (a HEIC's ``ftyp`` box lists its
compatible brands after byte 16; phones write boxes of 24–40 bytes)."""


class ContentType(enum.StrEnum):
    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"
    TIFF = "image/tiff"
    HEIC = "image/heic"
    CSV = "text/csv"
    """A bank's transaction export (a header row naming a date column)."""
    OFX = "application/x-ofx"
    """Open Financial Exchange: a bank's transaction export (1.x SGML or 2.x XML)."""

    @property
    def is_text(self) -> bool:
        """Read as it is (an export), not rendered or OCR'd."""
        return self in (ContentType.CSV, ContentType.OFX)

    @property
    def extensions(self) -> tuple[str, ...]:
        """Accepted filename extensions, the canonical one first."""
        return _EXTENSIONS[self]


_EXTENSIONS: dict[ContentType, tuple[str, ...]] = {
    ContentType.PDF: (".pdf",),
    ContentType.PNG: (".png",),
    ContentType.JPEG: (".jpg", ".jpeg"),
    ContentType.TIFF: (".tif", ".tiff"),
    ContentType.HEIC: (".heic", ".heif", ".hif"),
    ContentType.CSV: (".csv",),
    ContentType.OFX: (".ofx", ".qfx"),
}

_MAGIC: tuple[tuple[bytes, ContentType], ...] = (
    (b"%PDF-", ContentType.PDF),
    (b"\x89PNG\r\n\x1a\n", ContentType.PNG),
    (b"\xff\xd8\xff", ContentType.JPEG),
    (b"II*\x00", ContentType.TIFF),  # little-endian classic TIFF
    (b"MM\x00*", ContentType.TIFF),  # big-endian classic TIFF
)


# HEIF brands whose images are HEVC-coded, i.e. HEIC (ISO/IEC 23008-12 Annex B; the same
# list pillow-heif's opener accepts). Still images, then image sequences (burst, live).
_HEVC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
# Generic HEIF brands: the codec could be HEVC or AV1 (AVIF), so a HEVC brand must also be
# among the compatible brands. The HEIF decoder CMA ships (libheif with libde265) reads HEVC.
_GENERIC_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})


def _is_heic(head: bytes) -> bool:
    """Whether ``head`` starts with an ISO BMFF ``ftyp`` box naming a HEIC brand.

    The box is ``size (u32 BE) | "ftyp" | major brand | minor version | compatible
    brands...``; a well-formed ``ftyp`` has a size that is at least 16 and a multiple of 4
    (as in the WHATWG MIME sniffing rules for MP4). MP4/MOV video (``isom``, ``mp42``,
    ``qt  ``), AVIF (``avif``) and other ISO BMFF files are refused.
    """
    if len(head) < 16 or head[4:8] != b"ftyp":
        return False
    size = int.from_bytes(head[:4], "big")
    if size < 16 or size % 4:
        return False
    major = head[8:12]
    if major in _HEVC_BRANDS:
        return True
    if major not in _GENERIC_HEIF_BRANDS:
        return False
    end = min(size, len(head))
    compatible = {head[i : i + 4] for i in range(16, end - 3, 4)}
    return not compatible.isdisjoint(_HEVC_BRANDS)


def sniff_content_type(head: bytes) -> ContentType:
    """The type of a file from its first bytes (at least ``SNIFF_BYTES`` of them).

    Raises:
        ValidationError: naming ``file``, if the file is empty or not a PDF, PNG, JPEG,
            (classic, not Big) TIFF or HEIC. A PDF must start with ``%PDF-`` at byte 0:
            readers that search further in are how polyglot files slip past filters.
    """
    if not head:
        raise ValidationError("file", "is empty")
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    if _is_heic(head):
        return ContentType.HEIC
    text = _text_head(head)
    if text is not None:
        stripped = text.lstrip("\ufeff \r\n\t")
        if stripped.startswith("OFXHEADER") or (
            stripped.startswith("<?xml") and "<?OFX" in stripped
        ):
            return ContentType.OFX
        if re.search(r"date|posted", text, re.IGNORECASE) and re.search(r"[,;\t]", text):
            return ContentType.CSV
    raise ValidationError(
        "file", "must be a PDF, PNG, JPEG, TIFF or HEIC file, or a bank's CSV or OFX export"
    )


def _text_head(head: bytes) -> str | None:
    """The first bytes as text, if they are printable UTF-8 (a character cut at the end
    is allowed); ``None`` for binary data."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    if any(not (c.isprintable() or c in "\r\n\t\ufeff") for c in text):
        return None
    return text


# Windows refuses these as file names whatever the extension; some advisers download to it.
_RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_UNSAFE_CHARS = re.compile(r'[<>:"/\\|?*;%\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
# Control, format (bidi overrides, zero-width), surrogate, private-use and unassigned.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def sanitise_filename(name: str, content_type: ContentType) -> str:
    """A display and download name that is safe anywhere and matches the sniffed type.

    Keeps only the last path component, normalises Unicode (NFKC), drops control and
    invisible format characters (e.g. the right-to-left override used to disguise
    ``cod.exe`` as ``exe.doc``), replaces characters that are special in paths or headers
    with ``_``, trims dots and spaces at either end, avoids Windows device names, limits
    the length, and makes the extension one that belongs to ``content_type`` (appending
    the canonical one if not). Never raises: an unusable name becomes ``document.<ext>``.
    """
    text = unicodedata.normalize("NFKC", name)
    text = re.split(r"[/\\]", text)[-1]
    text = _SPACES.sub(" ", text)  # before dropping controls: a newline was a space
    text = "".join(c for c in text if unicodedata.category(c) not in _DROPPED_CATEGORIES)
    text = _UNSAFE_CHARS.sub("_", text)
    text = _SPACES.sub(" ", text).strip(" .")

    stem, dot, ext = text.rpartition(".")
    if not dot:
        stem, ext = text, ""
    suffix = f".{ext.lower()}" if ext else ""
    if suffix not in content_type.extensions:
        # Keep what the client called it (``letter.exe`` → ``letter.exe.pdf``) so the
        # adviser recognises it, but the name can never claim another type.
        stem, suffix = text, content_type.extensions[0]
    stem = stem.strip(" .")
    if not stem:
        stem = "document"
    if stem.split(".")[0].strip().lower() in _RESERVED_NAMES:
        stem = f"_{stem}"
    room = MAX_FILENAME_LENGTH - len(suffix)
    stem = stem[:room].rstrip(" .") or "document"
    return f"{stem}{suffix}"


@frozen(kw_only=True)
class FileFacts:
    """What the core knows about an upload's bytes, gathered in one pass."""

    content_type: ContentType
    size: int
    sha256: str
    """Lower-case hex digest."""


class UploadInspector:
    """Gathers ``FileFacts`` from an upload fed in chunks, so it never needs all of it.

    Feed every chunk in order, then call ``finish``. ``feed`` raises ``ValidationError``
    as soon as the file is too large or (once enough bytes have arrived) of a refused
    type, so an HTTP handler can stop reading early.
    """

    def __init__(self, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> None:
        self._max_bytes = max_bytes
        self._hash = hashlib.sha256()
        self._head = b""
        self._size = 0
        self._content_type: ContentType | None = None

    def feed(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._max_bytes:
            raise ValidationError("file", f"must be at most {self._max_bytes // 1024 // 1024} MB")
        if self._content_type is None and len(self._head) < SNIFF_BYTES:
            self._head += chunk[: SNIFF_BYTES - len(self._head)]
            if len(self._head) >= SNIFF_BYTES:
                self._content_type = sniff_content_type(self._head)
        self._hash.update(chunk)

    def finish(self) -> FileFacts:
        content_type = self._content_type or sniff_content_type(self._head)
        return FileFacts(content_type=content_type, size=self._size, sha256=self._hash.hexdigest())


def inspect_upload(data: bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> FileFacts:
    """``FileFacts`` for an upload held in memory. Raises ``ValidationError`` like ``feed``."""
    inspector = UploadInspector(max_bytes=max_bytes)
    inspector.feed(data)
    return inspector.finish()
