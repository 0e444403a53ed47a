"""Round 49b: a colour page made grey against its own paper (``tesseract/paper.py``).

Small synthetic pages made here: dark ink on white paper, part of it under a translucent
coloured blob (a splash, a stain, a shadow's tint). Pillow's luma (``main`` before this
round) leaves the paper under the blob darker than Otsu's threshold for the page, so
Tesseract's binarisation turns it black with the print on it; against its paper the blob
is white and the print on it as dark as elsewhere.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from cma_adapters.tesseract import extractor
from cma_adapters.tesseract.paper import against_paper, spread
from cma_adapters.tesseract.unread import _otsu_of

PAPER = (250, 248, 240)
INK = (25, 25, 30)
BLOB = np.array([70, 95, 190]) / 255  # a dark blue splash, multiplied over the page


def _page(blob: bool) -> Image.Image:
    """600 by 400 pixels: rows of dark bars (strokes of print), the right half under a
    blob when ``blob``."""
    image = Image.new("RGB", (600, 400), PAPER)
    pen = ImageDraw.Draw(image)
    for y in range(40, 360, 40):
        for x in range(30, 570, 14):
            pen.rectangle((x, y, x + 5, y + 18), fill=INK)
    if not blob:
        return image
    pixels = np.asarray(image, np.float32).copy()
    yy, xx = np.mgrid[0:400, 0:600]
    under = (xx - 430) ** 2 + ((yy - 200) * 1.2) ** 2 < 170**2
    pixels[under] *= BLOB
    return Image.fromarray(pixels.astype(np.uint8))


def test_under_a_coloured_blob_luma_loses_the_print_to_otsu() -> None:
    """(how ``main`` prepared it: the blob's paper is ink to Otsu's threshold)"""
    grey = _page(blob=True).convert("L")
    threshold = _otsu_of(grey)
    pixels = np.asarray(grey)
    assert pixels[230, 430] < threshold  # paper under the blob, between two rows


def test_against_its_paper_the_blob_is_white_and_the_print_dark() -> None:
    grey = against_paper(_page(blob=True))
    assert grey is not None
    pixels = np.asarray(grey)
    threshold = _otsu_of(grey)
    under_paper = pixels[225:235, 428:434]  # between two rows, under the blob
    under_ink = pixels[204:214, 437:440]  # a stroke under the blob
    assert under_paper.min() > max(threshold, 200)
    assert under_ink.max() < min(threshold, 60)
    assert pixels[204:214, 32:34].max() < 60  # a stroke on white paper stays dark


def test_an_even_colour_page_is_prepared_as_before() -> None:
    """Paper that does not vary (white or tinted, print on it) is no uneven page: the
    extractor prepares it by Pillow's luma, pixel for pixel as before."""
    page = _page(blob=False)
    assert spread(page) <= extractor._UNEVEN
    assert against_paper(page, uneven=extractor._UNEVEN) is None
    assert np.array_equal(np.asarray(extractor._prepare(page)), np.asarray(page.convert("L")))


def test_the_extractor_prepares_an_uneven_colour_page_against_its_paper() -> None:
    page = _page(blob=True)
    assert spread(page) > extractor._UNEVEN
    prepared = extractor._prepare(page)
    assert prepared.mode == "L"
    assert np.asarray(prepared)[225:235, 428:434].min() > 200


def test_grey_pages_are_not_changed() -> None:
    grey = _page(blob=True).convert("L")
    assert np.array_equal(np.asarray(extractor._prepare(grey)), np.asarray(grey))
