"""When an uploaded image can go to Tesseract as it is, without decoding it here.

Decoding a page with Pillow, greyscaling it and encoding it again for Tesseract costs
~30 ms of CPU a page (a tenth of what Tesseract itself takes), and changes nothing when the
page is already what the extractor would make of it: one 8-bit greyscale frame, upright,
portrait, no transparency. Such a page is handed to Tesseract as uploaded, with the
resolution the extractor would have passed.

Only PNG and JPEG qualify, and only after checks that read the file without decoding its
pixels:

* Pillow opens it lazily (header only): the format must be the declared one, and
  Pillow's decompression-bomb limit (``Image.MAX_IMAGE_PIXELS``) applies to the declared
  size exactly as when the pixels are decoded; an over-limit image is refused here.
* PNG: the IHDR must say 8-bit greyscale (Pillow widens 1/2/4-bit grey to 8 bits,
  Tesseract would not), no ``tRNS`` or ``eXIf`` chunk nor EXIF text chunk anywhere,
  and every chunk's CRC must check out up to ``IEND`` (``Image.verify``: a truncated or
  damaged file is left to the decoding path, which reports it as corrupt).
* JPEG: one component (greyscale), no EXIF orientation other than 1, and the file must
  end with the end-of-image marker.

Anything else, and any doubt, takes the ordinary path (decode, prepare, re-encode): the
fast path is an optimisation, never a second set of rules. The bytes reach Tesseract on
its standard input; Tesseract reads a non-image there as a *list of file names*, so the
file's signature is checked once more right before it is passed (``is_image_bytes``).
"""

from __future__ import annotations

import io

from PIL import ExifTags, Image

from cma_core.documents.files import ContentType

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
_TIFF_SIGNATURES = (b"II*\x00", b"MM\x00*")  # what the ordinary path itself writes
_FORMATS = {ContentType.PNG: "PNG", ContentType.JPEG: "JPEG"}


def is_image_bytes(data: bytes) -> bool:
    """True for the only inputs this package hands Tesseract: PNG, JPEG, TIFF."""
    return data.startswith((_PNG_SIGNATURE, _JPEG_SIGNATURE, *_TIFF_SIGNATURES))


def direct_size(data: bytes, content_type: ContentType) -> tuple[tuple[int, int], object] | None:
    """``(size, dpi info)`` when ``data`` can be read by Tesseract as uploaded, else None.

    Raises ``Image.DecompressionBombError`` for an image over Pillow's pixel limit (the
    caller refuses it as the decoding path does); every other problem returns None, so
    the decoding path reads the file and reports it in its own words.
    """
    expected = _FORMATS.get(content_type)
    if expected is None or not is_image_bytes(data):
        return None
    if content_type is ContentType.PNG and not _plain_grey_png(data):
        return None
    if content_type is ContentType.JPEG and not data.rstrip(b"\0\r\n ").endswith(b"\xff\xd9"):
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:  # header only, no pixels
            if image.format != expected or image.mode != "L":
                return None
            if getattr(image, "n_frames", 1) != 1 or "transparency" in image.info:
                return None
            if content_type is ContentType.JPEG and _turned(image):
                return None
            size, dpi = image.size, image.info.get("dpi")
            if size[0] > size[1] * 1.1:
                return None  # landscape: the extractor asks Tesseract which way is up
            if content_type is ContentType.PNG:
                image.verify()  # every chunk's CRC, without inflating the pixels
    except Image.DecompressionBombError:
        raise
    except Exception:  # anything odd: the decoding path decides
        return None
    return size, dpi


def _turned(image: Image.Image) -> bool:
    """A JPEG's EXIF (APP1, read with the header) asks for a turn or a mirror."""
    return bool(image.getexif().get(ExifTags.Base.Orientation, 1) != 1)


def _plain_grey_png(data: bytes) -> bool:
    """IHDR says 8-bit greyscale, and no chunk changes what the pixels mean."""
    if len(data) < 33 or data[12:16] != b"IHDR":
        return False
    bit_depth, colour_type = data[24], data[25]
    if bit_depth != 8 or colour_type != 0:
        return False
    # A chunk type is four ASCII letters after a 4-byte length; matching the name
    # anywhere (even inside compressed data) only ever sends a file the slow way.
    # (Pillow also takes EXIF from a text chunk "Raw profile type exif"; its keyword is
    # stored uncompressed.) For PNG, reading EXIF through Pillow would decode the pixels.
    return not any(name in data for name in (b"tRNS", b"eXIf", b"Raw profile type exif"))
