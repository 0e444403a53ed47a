"""Round 37: print Tesseract's first reading left out, read again by the extractor.

A value drawn inside a small frame, or circled, beside its label is often returned as
nothing at all (not even an empty word) while the label is read; no reader rule can read
it. ``cma_adapters.tesseract.unread`` finds the ink no word covers, cuts each such line out
with nothing but its own characters (the frame made white) and reads them again.

Pages are drawn here with made-up wording (a Hebridean ferry trust and a peat cutters'
co-operative) and read by the real Tesseract. The tests of what is read again fail on the
extractor before this round; the guards (a page with nothing unread, an empty frame,
specks) hold on both.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from cma_adapters.tesseract import TesseractTextExtractor
from cma_adapters.tesseract.unread import unread_lines
from cma_core.documents.files import ContentType

DPI = 300
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _font(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(SERIF, size)
    except OSError:
        pytest.skip("DejaVu Serif is not installed")


def _page(rows: list[tuple[str, str, str]]) -> bytes:
    """An A4 page at 300 dpi: a heading, an address, then one row a label and its value,
    the value drawn ``"box"`` (in a frame), ``"ring"`` (circled) or ``"plain"``, then the
    letter's first lines. (A column of framed values at this size and pitch is what
    Tesseract's first reading drops, labels read, values not even an empty word.)"""
    image = Image.new("L", (2480, 3508), 255)
    pen = ImageDraw.Draw(image)
    body = _font(36)
    pen.text((200, 200), "Barra Ferry Trust", font=_font(48), fill=30)
    pen.text((200, 300), "Harbour Office, Castlebay, Isle of Barra HS9 5XD", font=body, fill=30)
    pen.text((200, 780), "This notice tells you:", font=body, fill=30)
    y = 900
    for label, value, how in rows:
        pen.text((200, y), label, font=body, fill=30)
        x = 200 + round(pen.textlength(label, font=body)) + 30
        width = round(pen.textlength(value, font=body))
        pen.text((x + 20, y), value, font=body, fill=30)
        if how == "box":
            pen.rectangle((x, y - 8, x + width + 40, y + 50), outline=30, width=2)
        elif how == "ring":
            pen.ellipse((x - 6, y - 16, x + width + 46, y + 58), outline=30, width=2)
        pen.text((x + width + 65, y), ".", font=body, fill=30)
        y += 114
    pen.text((200, y + 60), "Dear Mx Example,", font=body, fill=30)
    pen.text(
        (200, y + 120),
        "Your fares have not been paid as they fell due, and the trust may stop your pass.",
        font=body,
        fill=30,
    )
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


async def _text(data: bytes) -> str:
    pages = await TesseractTextExtractor(max_concurrency=1).extract(data, ContentType.PNG)
    return pages[0].text


def _line_with(text: str, words: str) -> str:
    return next((line for line in text.splitlines() if words in line), "")


async def test_values_in_frames_beside_their_labels_are_read_on_the_labels_line() -> None:
    data = _page(
        [
            ("Date of this notice is", "14th Oct '27", "box"),
            ("Your ferry pass account is", "408213557", "box"),
            ("Fares still owing", "£1,396.42", "box"),
            ("Pay the fares by", "28th Oct '27", "box"),
        ]
    )
    text = await _text(data)
    assert "14th Oct '27" in _line_with(text, "Date of this notice is")
    assert "408213557" in _line_with(text, "Your ferry pass account is")
    assert "£1,396.42" in _line_with(text, "Fares still owing")
    assert "28th Oct '27" in _line_with(text, "Pay the fares by")


async def test_a_circled_value_beside_its_label_is_read() -> None:
    data = _page(
        [
            ("Date of this notice is", "14th Oct '27", "box"),
            ("Peat levy unpaid", "£857.36", "ring"),
            ("Members' number", "55817", "box"),
            ("Pay the levy by", "28th Oct '27", "box"),
        ]
    )
    text = await _text(data)
    assert "£857.36" in _line_with(text, "Peat levy unpaid")


def _words_of(data: bytes) -> tuple[Image.Image, dict[str, list[object]]]:
    image = Image.open(io.BytesIO(data)).convert("L")
    extractor = TesseractTextExtractor(max_concurrency=1)
    return image, extractor._tsv(1, data, DPI)


def test_guard_a_page_read_whole_has_no_line_left_unread() -> None:
    # Near miss: plain values (no frame) that Tesseract reads the first time: no second
    # reading, so a clean page costs no second Tesseract run.
    data = _page(
        [
            ("Date of this notice is", "14th Oct '27", "plain"),
            ("Your ferry pass account is", "408213557", "plain"),
            ("Fares still owing", "£1,396.42", "plain"),
            ("Pay the fares by", "28th Oct '27", "plain"),
        ]
    )
    image, result = _words_of(data)
    assert unread_lines(image, result, DPI) == []


def test_guard_an_empty_frame_and_specks_are_no_line() -> None:
    # Near misses: a frame with nothing in it (a form's blank box), scattered specks, a
    # rule under the heading: ink no word covers, but no print.
    image = Image.new("L", (2480, 3508), 255)
    pen = ImageDraw.Draw(image)
    body = _font(42)
    for i, line in enumerate(
        [
            "Barra Ferry Trust",
            "Write your ferry pass number in the box below and send this part back.",
            "Signed on behalf of the trust by the harbour master.",
        ]
    ):
        pen.text((200, 200 + i * 120), line, font=body, fill=20)
    pen.line((200, 560, 2200, 560), fill=20, width=3)
    pen.rectangle((200, 700, 900, 780), outline=20, width=3)
    for k in range(40):
        x, y = 300 + (k * 397) % 1800, 1000 + (k * 211) % 1500
        pen.ellipse((x, y, x + 5, y + 5), fill=60)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    page, result = _words_of(out.getvalue())
    assert unread_lines(page, result, DPI) == []
