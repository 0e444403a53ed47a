"""Round 49b: a colour scan under a dark coloured splash, read by the real Tesseract.

The page (made-up wording: a Hebridean peat cutters' co-operative) is drawn here at 200 dpi
as a colour PNG, a translucent dark blue splash over its amount line. Made grey by Pillow's
luma (``main`` before this round) the splash is darker than Otsu's threshold for the page:
Tesseract reads a black block and the amount is lost. Made grey against its own paper
(``tesseract/paper.py``) the splash is paper and the amount is read.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType

DPI = 200
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _font(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(SERIF, size)
    except OSError:
        pytest.skip("DejaVu Serif is not installed")


def _page(splash: bool) -> bytes:
    image = Image.new("RGB", (1654, 2339), (250, 248, 240))
    pen = ImageDraw.Draw(image)
    body = _font(24)
    pen.text((130, 130), "Kilmory Peat Cutters Ltd", font=_font(32), fill=(25, 25, 30))
    lines = [
        "The Bothy, Kilmory, Isle of Arran KA27 8PQ",
        "",
        "Dear Mx Example,",
        "Your account for the season's peat has not been paid as it fell due.",
        "The balance now owed is £1,284.56 on account KPC/40912.",
        "Please pay what you owe within fourteen days of the date of this letter.",
        "If you cannot pay, talk to us: we can agree how you will clear it.",
    ]
    for i, line in enumerate(lines):
        pen.text((130, 200 + 50 * i), line, font=body, fill=(25, 25, 30))
    if splash:
        pixels = np.asarray(image, np.float32).copy()
        yy, xx = np.mgrid[0 : pixels.shape[0], 0 : pixels.shape[1]]
        under = (xx - 520) ** 2 + ((yy - 415) * 2.2) ** 2 < 420**2
        pixels[under] *= np.array([70, 95, 190]) / 255
        image = Image.fromarray(pixels.astype(np.uint8))
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


async def _text(data: bytes) -> str:
    pages = await TesseractTextExtractor(max_concurrency=1).extract(data, ContentType.PNG)
    return pages[0].text


async def test_an_amount_under_a_dark_coloured_splash_is_read() -> None:
    """(failed before round 49b: the splash read as a block, the amount lost)"""
    text = await _text(_page(splash=True))
    assert "£1,284.56" in text
    assert "KPC/40912" in text


async def test_the_page_without_the_splash_reads_the_same() -> None:
    text = await _text(_page(splash=False))
    assert "£1,284.56" in text
    assert "KPC/40912" in text
