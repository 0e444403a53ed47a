"""Text extraction with Tesseract.

Images are read with Pillow (every frame of a TIFF is a page; JPEG EXIF rotation is
applied); HEIC photos through pillow-heif's Pillow plugin (libheif), registered the first
time one arrives. PDFs are opened with pypdfium2: a page that has a text layer (typed letters,
e-statements) is read directly — exact and ~100× faster — and only scanned pages are
rendered and sent to Tesseract.

Every image goes to Tesseract with its resolution (``--dpi``): from the file's metadata,
else estimated from the pixel size as an A4/Letter page. Without it Tesseract guesses,
and its layout analysis can drop whole blocks of labels and values. The words' boxes
(``image_to_data``) come back with the text, for reading values by position.

Tesseract runs one process per page with ``OMP_THREAD_LIMIT=1``: on small machines its
OpenMP threads fight each other (6–7× slower per page on 2 cores), so parallelism comes
from running several pages at once instead (``max_concurrency``).

One Tesseract run a page gives both the words' boxes and the text (TSV output; the text
is assembled from it). The page reaches Tesseract on its standard input, never through a
temporary file: an upload that is already what Tesseract should read (one 8-bit grey,
upright, portrait PNG or JPEG page, checked without decoding it: ``direct.py``) goes as
uploaded; any other page is decoded and prepared here and sent as a TIFF packed with
PackBits (run-length: a page is mostly runs of paper). Tesseract reads a large input
slowly, and its standard input slower still: an uncompressed PGM of a 300 dpi scan (8.7 MB)
cost it ~220 ms more CPU a page than the same pixels as a packed TIFF (~0.6 MB, ~8 ms to
pack here), for the same reading, word for word; a PNG packs smaller but takes ~60 ms to
encode (``benchmarks/OCR.md``, branch ocrfast39).

Print the first reading left out is read again (``unread.py``, round 37): a value in a
small frame or ring beside its label, returned as nothing at all. The page is decoded here
for it (also on the direct path); only a page with ink no word covers costs a second
Tesseract run, on the unread lines alone.
"""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import threading
from typing import Any

import pypdfium2
import pytesseract
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from cma_adapters.tesseract.direct import direct_size, is_image_bytes
from cma_adapters.tesseract.unread import put_back, stacked, unread_lines
from cma_core.documents.errors import CorruptDocument, TextExtractionFailed
from cma_core.documents.files import ContentType
from cma_core.documents.model import Box, PageSource, PageText, Word
from cma_core.documents.ports import TextExtractor
from cma_core.shared.errors import ValidationError

# PDFium is not thread-safe: every call into it, from any document, takes this lock.
_PDFIUM_LOCK = threading.Lock()
_HEIF_LOCK = threading.Lock()
_heif_registered = False


def _register_heif() -> None:
    """Teach Pillow to open HEIC/HEIF, once per process (only when a HEIC arrives, so
    processes that never see one do not load libheif)."""
    global _heif_registered
    with _HEIF_LOCK:
        if _heif_registered:
            return
        try:
            import pillow_heif  # loaded on first use only
        except ImportError:
            raise TextExtractionFailed(
                "HEIC support is not installed (the pillow-heif package)"
            ) from None
        # libheif applies the file's rotation/mirroring itself when decoding and
        # pillow-heif then clears the EXIF orientation, so exif_transpose is a no-op.
        pillow_heif.register_heif_opener(thumbnails=False)
        _heif_registered = True


class TesseractTextExtractor(TextExtractor):
    """Args:
    lang: Tesseract language(s), e.g. ``"eng"``.
    dpi: resolution PDF pages are rendered at (300 suits Tesseract's models).
    max_pages: documents with more pages are refused (``ValidationError`` on ``file``).
    max_concurrency: pages OCR'd at once (default: CPU count).
    page_timeout: seconds before one page's Tesseract run is abandoned.
    min_text_layer_chars: a PDF page with fewer non-space characters in its text layer is
        treated as scanned (scans often carry a few stray characters or a stamp).
    tesseract_cmd: path to the ``tesseract`` binary if it is not on ``PATH``.
    omp_thread_limit: set as ``OMP_THREAD_LIMIT`` for Tesseract: in the environment of
        every Tesseract process this class starts, and process-wide (pytesseract, used for
        orientation detection, passes this process's environment on).
    direct: hand a page that needs no preparation to Tesseract as uploaded (``direct.py``);
        ``False`` decodes and prepares every page here.
    """

    def __init__(
        self,
        *,
        lang: str = "eng",
        dpi: int = 300,
        max_pages: int = 50,
        max_concurrency: int | None = None,
        page_timeout: float = 120.0,
        min_text_layer_chars: int = 20,
        psm: int = 3,
        tesseract_cmd: str | None = None,
        omp_thread_limit: int = 1,
        direct: bool = True,
    ) -> None:
        self.lang = lang
        self.dpi = dpi
        self.max_pages = max_pages
        self.page_timeout = page_timeout
        self.min_text_layer_chars = min_text_layer_chars
        self.psm = psm
        self.direct = direct
        self.omp_thread_limit = omp_thread_limit
        self._semaphore = asyncio.Semaphore(max_concurrency or os.cpu_count() or 1)
        if tesseract_cmd:
            pytesseract.pytesseract.tesseract_cmd = tesseract_cmd
        os.environ["OMP_THREAD_LIMIT"] = str(omp_thread_limit)

    async def extract(self, data: bytes, content_type: ContentType) -> tuple[PageText, ...]:
        if content_type.is_text:
            # A bank's export is read as it is: the assistant parses CSV/OFX itself.
            text = data.decode("utf-8-sig", errors="replace")
            return (PageText(number=1, text=text, confidence=1.0, source=PageSource.TEXT_LAYER),)
        if content_type is ContentType.PDF:
            return await self._extract_pdf(data)
        if self.direct:
            page = await self._extract_direct(data, content_type)
            if page is not None:
                return (page,)
        if content_type is ContentType.HEIC:
            await asyncio.to_thread(_register_heif)
        frames = await asyncio.to_thread(self._open_image, data)
        return tuple(
            await asyncio.gather(
                *(
                    self._ocr(number, frame, dpi=dpi)
                    for number, (frame, dpi) in enumerate(frames, 1)
                )
            )
        )

    # -- images ---------------------------------------------------------------------

    async def _extract_direct(self, data: bytes, content_type: ContentType) -> PageText | None:
        """The page read from the upload's own bytes, or None to decode it here."""
        try:
            found = await asyncio.to_thread(direct_size, data, content_type)
        except Image.DecompressionBombError:
            raise ValidationError("file", "image is too large to read") from None
        if found is None:
            return None
        size, info = found
        dpi = image_dpi(info, size)
        async with self._semaphore:
            try:
                result, size = await asyncio.to_thread(self._tsv_direct, data, dpi, size)
            except _Unreadable:
                return None  # decoded here instead, which says what is wrong with it
        return _page_text(1, result, size)

    def _tsv_direct(
        self, data: bytes, dpi: int | None, size: tuple[int, int]
    ) -> tuple[dict[str, list[Any]], tuple[int, int]]:
        """The upload read as it is, then its framed boxes (``_frames``) and the lines it
        left unread (``unread.py``) read again, all on the caller's thread and semaphore
        slot like any other page's Tesseract runs; and the page's size as read. Print that
        runs sideways is turned upright and read again, as on any other page (round 38)."""
        result = self._tsv(1, data, dpi)
        with Image.open(io.BytesIO(data)) as image:
            # (a direct page is 8-bit grey already: read in place, not copied as
            # ``_prepare`` would, 0.3-1.7 ms a page; nothing here changes its pixels)
            image.load()
            page = image if image.mode == "L" else _prepare(image)
            page, result = self._turned_if_sideways(1, page, result, dpi)
            return self._read_again(1, page, result, dpi), page.size

    def _open_image(self, data: bytes) -> list[tuple[Image.Image, int]]:
        try:
            with Image.open(io.BytesIO(data)) as image:
                frames = []
                for i, frame in enumerate(ImageSequence.Iterator(image)):
                    if i >= self.max_pages:
                        raise ValidationError("file", f"must have at most {self.max_pages} pages")
                    frame.load()
                    page = _prepare(ImageOps.exif_transpose(frame) or frame)
                    frames.append((page, image_dpi(frame.info.get("dpi"), page.size)))
                return frames
        except Image.DecompressionBombError:
            raise ValidationError("file", "image is too large to read") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
            raise CorruptDocument(f"the image could not be read ({_short(err)})") from None

    # -- PDFs -----------------------------------------------------------------------

    async def _extract_pdf(self, data: bytes) -> tuple[PageText, ...]:
        document = await asyncio.to_thread(self._open_pdf, data)
        try:
            count = len(document)
            if count > self.max_pages:
                raise ValidationError("file", f"must have at most {self.max_pages} pages")
            tasks: list[asyncio.Task[PageText]] = []
            for number in range(1, count + 1):
                # Render only when a slot is free, so at most max_concurrency page
                # bitmaps (~9 MB each at 300 dpi) are held at once.
                await self._semaphore.acquire()
                try:
                    item = await asyncio.to_thread(self._read_pdf_page, document, number)
                except BaseException:
                    self._semaphore.release()
                    raise
                if isinstance(item, PageText):
                    self._semaphore.release()
                    tasks.append(asyncio.ensure_future(_done(item)))
                else:
                    tasks.append(asyncio.ensure_future(self._ocr_held(number, item)))
            return tuple(await asyncio.gather(*tasks))
        finally:
            with _PDFIUM_LOCK:
                document.close()

    def _open_pdf(self, data: bytes) -> pypdfium2.PdfDocument:
        try:
            with _PDFIUM_LOCK:
                return pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as err:
            if "password" in str(err).lower():
                raise CorruptDocument("the PDF is password-protected") from None
            raise CorruptDocument(f"the PDF could not be read ({_short(err)})") from None

    def _read_pdf_page(self, document: pypdfium2.PdfDocument, number: int) -> PageText | Any:
        try:
            with _PDFIUM_LOCK:
                page = document[number - 1]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_bounded()
                        enough = sum(not c.isspace() for c in text) >= self.min_text_layer_chars
                        placed = _layer_words(page, textpage, self.dpi) if enough else None
                    finally:
                        textpage.close()
                    if enough:
                        words, size = placed or ((), None)
                        return PageText(
                            number=number,
                            text=_tidy(text),
                            confidence=1.0,
                            source=PageSource.TEXT_LAYER,
                            words=words,
                            size=size,
                        )
                    bitmap = page.render(scale=self.dpi / 72, grayscale=True)
                    try:
                        return bitmap.to_pil()
                    finally:
                        bitmap.close()
                finally:
                    page.close()
        except pypdfium2.PdfiumError as err:
            raise CorruptDocument(f"page {number} could not be read ({_short(err)})") from None

    # -- OCR ------------------------------------------------------------------------

    async def _ocr(self, number: int, image: Image.Image, *, dpi: int | None) -> PageText:
        async with self._semaphore:
            return await asyncio.to_thread(self._tesseract, number, image, dpi)

    async def _ocr_held(self, number: int, image: Image.Image) -> PageText:
        """OCR a page whose semaphore slot was taken before rendering it."""
        try:
            return await asyncio.to_thread(self._tesseract, number, image, self.dpi)
        finally:
            self._semaphore.release()

    def _tesseract(self, number: int, image: Image.Image, dpi: int | None) -> PageText:
        image = self._upright(image, dpi)
        first = self._tsv(number, _packed(image), dpi)
        image, first = self._turned_if_sideways(number, image, first, dpi)
        result = self._read_again(number, image, first, dpi)
        return _page_text(number, result, image.size)

    def _turned_if_sideways(
        self, number: int, image: Image.Image, result: dict[str, list[Any]], dpi: int | None
    ) -> tuple[Image.Image, dict[str, list[Any]]]:
        """The page and its reading, turned and read again when its first reading shows
        its print running sideways (a landscape page printed sideways on a portrait sheet,
        read as upright: turned by the orientation detection, round 38); else as given.
        One place for the decoded and the direct path."""
        if _read_sideways(result):
            turned = self._upright(image, dpi, portrait_too=True)
            if turned is not image:
                return turned, self._tsv(number, _packed(turned), dpi)
        return image, result

    def _read_again(
        self, number: int, image: Image.Image, result: dict[str, list[Any]], dpi: int | None
    ) -> dict[str, list[Any]]:
        """``result`` (the page's first reading) with the words of its framed boxes
        (``_frames``) and then of the lines of print it left unread (``unread.py``, round
        37: a value in a small frame or ring, the label beside it read) read again."""
        frames = _frames(result, image.size)
        if frames:
            result = self._reread_frames(number, image, frames, result, dpi)
        lines = unread_lines(image, result, dpi)
        if not lines:
            return result
        stack, placed, gap = stacked(image, lines)
        try:
            again = self._tsv(number, _packed(stack), dpi, psm=6)
        except TextExtractionFailed:
            return result
        return put_back(result, again, lines, placed, gap)

    def _reread_frames(
        self,
        number: int,
        image: Image.Image,
        frames: list[tuple[int, int, int, int]],
        result: dict[str, list[Any]],
        dpi: int | None,
    ) -> dict[str, list[Any]]:
        """``result`` with the words of each framed box Tesseract took whole for a picture
        (``_frames``), read again on their own as one block of text (``--psm 6``), where
        the first reading found no word. (round 17: a payslip's boxed figures, the column
        of amounts lost while the labels beside them were read)"""
        out = {key: list(values) for key, values in result.items()}
        block = max((int(b) for b in result["block_num"]), default=0)
        taken = [
            (int(x), int(y), int(x) + int(w), int(y) + int(h))
            for t, x, y, w, h in zip(
                result["text"], result["left"], result["top"], result["width"],
                result["height"], strict=True,
            )
            if str(t).strip()
        ]  # fmt: skip
        for left, top, right, bottom in frames:
            crop = image.crop((left, top, right, bottom))
            try:
                again = self._tsv(number, _packed(crop), dpi, psm=6)
            except TextExtractionFailed:
                continue
            block += 1
            for i, text in enumerate(again["text"]):
                if not str(text).strip():
                    continue
                x, y = int(again["left"][i]) + left, int(again["top"][i]) + top
                w, h = int(again["width"][i]), int(again["height"][i])
                cx, cy = x + w // 2, y + h // 2
                if any(a <= cx <= c and b <= cy <= d for a, b, c, d in taken):
                    continue  # (read the first time)
                for key in out:
                    out[key].append(again[key][i])
                out["left"][-1], out["top"][-1] = x, y
                out["block_num"][-1] = block
        return out

    def _tsv(
        self, number: int, image: bytes, dpi: int | None, *, psm: int | None = None
    ) -> dict[str, list[Any]]:
        """One Tesseract run on an encoded page given on its standard input: the TSV
        (every word with its box, confidence and block/paragraph/line) as columns."""
        if not is_image_bytes(image):  # Tesseract reads anything else as file names
            raise TextExtractionFailed(f"OCR failed on page {number}: not an image")
        args = [pytesseract.pytesseract.tesseract_cmd, "stdin", "stdout", "-l", self.lang]
        args += ["--psm", str(psm or self.psm), *(["--dpi", str(dpi)] if dpi else []), "tsv"]
        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.omp_thread_limit)}
        try:
            done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                args, input=image, capture_output=True, timeout=self.page_timeout, env=env
            )
        except FileNotFoundError:
            raise TextExtractionFailed("the OCR engine (tesseract) is not installed") from None
        except subprocess.TimeoutExpired:
            raise TextExtractionFailed(
                f"OCR timed out on page {number} (after {self.page_timeout:g} s)"
            ) from None
        if done.returncode != 0:
            error = done.stderr.decode("utf-8", "replace")
            raise _Unreadable(f"OCR failed on page {number}: {_short(ValueError(error))}")
        tsv = done.stdout.decode("utf-8", "replace")
        return pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)  # type: ignore[no-any-return]

    def _upright(
        self, image: Image.Image, dpi: int | None, *, portrait_too: bool = False
    ) -> Image.Image:
        """A page fed in sideways (wider than tall, where letters, forms and statements are
        portrait) is turned upright by Tesseract's orientation detection (``--psm 0``),
        when it is sure enough; a portrait page is read as it is, at no extra cost (unless
        ``portrait_too``: its first reading showed its print runs sideways)."""
        if image.width <= image.height * 1.1 and not portrait_too:
            return image
        try:
            osd = pytesseract.image_to_osd(
                image,
                config="--psm 0" + (f" --dpi {dpi}" if dpi else ""),
                output_type=pytesseract.Output.DICT,
                timeout=self.page_timeout,
            )
        except (pytesseract.TesseractError, RuntimeError):
            return image  # too little text to tell (or no osd data): read it as it is
        rotate = int(osd.get("rotate", 0))
        if rotate in (90, 180, 270) and float(osd.get("orientation_conf", 0)) >= _OSD_SURE:
            return image.rotate(-rotate, expand=True)  # (PIL turns anticlockwise)
        return image


# Tesseract's orientation confidence below which a page is left as it is.
_OSD_SURE = 2.0


def _read_sideways(result: dict[str, list[Any]]) -> bool:
    """Whether a page's first reading shows its print running sideways (round 38): most of
    its words of three characters or more are boxes taller than wide (upright print makes
    them wider than tall), at least eight of them."""
    shapes = [
        (int(w), int(h))
        for t, w, h, c in zip(
            result.get("text", []), result.get("width", []), result.get("height", []),
            result.get("conf", []), strict=False,
        )
        if len(str(t).strip()) >= 3 and float(c) >= 0
    ]  # fmt: skip
    tall = sum(1 for w, h in shapes if h > 1.3 * w)
    return tall >= 8 and tall >= 0.4 * len(shapes)


class _Unreadable(TextExtractionFailed):
    """Tesseract ran and failed on the page (not a timeout, not a missing engine)."""


def _page_text(number: int, result: dict[str, list[Any]], size: tuple[int, int]) -> PageText:
    text, confidence = _assemble(result)
    return PageText(
        number=number,
        text=text,
        confidence=confidence,
        source=PageSource.OCR,
        words=_words(result),
        size=size,
    )


def _layer_words(
    page: pypdfium2.PdfPage, textpage: pypdfium2.PdfTextPage, dpi: int
) -> tuple[tuple[Word, ...], tuple[int, int]] | None:
    """The words of a PDF page's text layer with their boxes, in the pixels of the page
    rendered at ``dpi`` (as the page images the adviser checks them on are drawn), and that
    page's size: the reader then finds labels and values by position, as on a scan, and
    each value's box is where it is printed. A word ends at a space or line break, at a
    jump to another line, or at a gap wider than half its characters' height (columns the
    text layer runs together). ``None`` for a turned page (its boxes would need turning)."""
    if page.get_rotation() % 360:
        return None
    width, height = page.get_size()
    scale = dpi / 72
    count = textpage.count_chars()
    chars = textpage.get_text_range(0, count)
    if len(chars) != count:  # characters outside the BMP: one at a time
        chars = "".join(textpage.get_text_range(i, 1) or " " for i in range(count))
    words: list[Word] = []
    run: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]  # left, bottom, right, top in PDF units

    def flush() -> None:
        if run:
            left, bottom, right, top = box
            words.append(
                Word(
                    text="".join(run),
                    box=Box(
                        left=round(left * scale),
                        top=round((height - top) * scale),
                        width=max(1, round((right - left) * scale)),
                        height=max(1, round((top - bottom) * scale)),
                    ),
                )
            )
            run.clear()

    for index, char in enumerate(chars):
        if char.isspace() or not char.isprintable():
            flush()
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        tall = max(top - bottom, 1.0)
        if run and (
            left - box[2] > tall / 2 or abs((top + bottom) - (box[3] + box[1])) / 2 > tall / 2
        ):
            flush()
        if run:
            box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        else:
            box = [left, bottom, right, top]
        run.append(char)
    flush()
    return tuple(words), (round(width * scale), round(height * scale))


def _frames(result: dict[str, list[Any]], size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """The boxes Tesseract read as one empty word a block (a table's frame taken whole for
    a picture: the figures inside it lost) that are large enough to hold lines of text:
    wider than a fifth of the page, taller than three lines. (left, top, right, bottom)"""
    width, height = size
    out = []
    for i, text in enumerate(result["text"]):
        if str(text).strip() or int(result["level"][i]) != 5:
            continue
        w, h = int(result["width"][i]), int(result["height"][i])
        if w > 0.2 * width and h > 0.05 * height and w < 0.95 * width and h < 0.6 * height:
            x, y = int(result["left"][i]), int(result["top"][i])
            out.append((x, y, x + w, y + h))
    return out


def _packed(image: Image.Image) -> bytes:
    """The prepared (8-bit grey) page as a TIFF packed with PackBits: quick to pack, and
    few bytes for Tesseract to read from its standard input (see the module's docstring)."""
    out = io.BytesIO()
    image.save(out, format="TIFF", compression="packbits")
    return out.getvalue()


async def _done(page: PageText) -> PageText:
    return page


def _prepare(image: Image.Image) -> Image.Image:
    """Greyscale, flattening transparency onto white (Tesseract reads alpha as black)."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, "white")
        image = Image.alpha_composite(white, rgba)
    return image.convert("L") if image.mode != "L" else image.copy()


MIN_DPI, MAX_DPI = 70, 1200
_PAGE_INCHES = (8.27, 11.69)  # A4; Letter (8.5 x 11) estimates within 3%


def image_dpi(info: Any, size: tuple[int, int]) -> int:
    """The image's resolution from its metadata, else estimated as a full page.

    72 and 96 dpi are what many tools write when they do not know (screens, not
    scanners): for an image larger than a page at that resolution, the estimate wins.
    """
    estimate = round(max(size) / _PAGE_INCHES[1])  # the long side is the page's long side
    try:
        stated = round(float(info[0])) if info else 0
    except (TypeError, ValueError, IndexError):
        stated = 0
    if stated in (72, 96) and estimate > stated * 1.3:
        stated = 0
    dpi = stated or estimate
    return min(max(dpi, MIN_DPI), MAX_DPI)


def _words(result: dict[str, list[Any]]) -> tuple[Word, ...]:
    words = []
    for text, conf, left, top, width, height, block, par, line in zip(
        result["text"], result["conf"], result["left"], result["top"], result["width"],
        result["height"], result["block_num"], result["par_num"], result["line_num"],
        strict=True,
    ):  # fmt: skip
        text = str(text).strip()
        if not text:
            continue
        words.append(
            Word(
                text=text,
                box=Box(left=int(left), top=int(top), width=int(width), height=int(height)),
                confidence=min(max(float(conf) / 100, 0.0), 1.0),
                line=int(block) * 1_000_000 + int(par) * 1_000 + int(line),
            )
        )
    return tuple(words)


def _assemble(result: dict[str, list[Any]]) -> tuple[str, float]:
    """Text laid out as Tesseract found it (lines, blank lines between paragraphs) and
    the mean word confidence weighted by word length, 0.0–1.0."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    total = weight = 0.0
    for word, conf, block, par, line in zip(
        result["text"],
        result["conf"],
        result["block_num"],
        result["par_num"],
        result["line_num"],
        strict=True,
    ):
        word = str(word).strip()
        if not word:
            continue
        lines.setdefault((int(block), int(par), int(line)), []).append(word)
        c = float(conf)
        if c >= 0:
            total += c * len(word)
            weight += len(word)
    out: list[str] = []
    previous: tuple[int, int] | None = None
    for (block, par, _), words in sorted(lines.items()):
        if previous is not None and previous != (block, par):
            out.append("")
        out.append(" ".join(words))
        previous = (block, par)
    confidence = round(total / weight / 100, 4) if weight else 0.0
    return "\n".join(out), min(max(confidence, 0.0), 1.0)


def _tidy(text: str) -> str:
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(lines).strip()


def _short(err: BaseException) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__
