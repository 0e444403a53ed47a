"""A landscape page printed sideways on a portrait sheet (a schedule "printed across the
paper, turn the sheet to read it"): the sheet is portrait, so the extractor does not ask
Tesseract's orientation detection first; its first reading shows the print running
sideways (its words' boxes taller than wide), and the page is turned upright and read again
(round 38). Invented wording: a Galmisdale fuel merchant's schedule; the test failed on the
old extractor (main's ``src`` at e34445c4)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from tests.integration.ocr.corpus import _font

from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType

LINES = [
    "Schedule to our letter about your fuel account",
    "Cleadale Fuels Ltd  -  Fuel account number: CF-20417",
    "",
    "No.   Item                                   Entry           Remarks",
    "1.    Kerosene delivered and not paid for    £1,480.00       at the date of the letter",
    "2.    Last day to pay or agree a plan        18 June 2027    the day itself included",
    "",
    "Printed across the paper; keep it with the letter.",
]


def _sideways_sheet() -> bytes:
    """The schedule drawn landscape, turned a quarter onto a portrait sheet, as PNG."""
    landscape = Image.new("L", (1754, 1240), 255)
    draw = ImageDraw.Draw(landscape)
    for k, line in enumerate(LINES):
        draw.text((110, 140 + 52 * k), line, fill=0, font=_font())
    sheet = landscape.rotate(90, expand=True)
    assert sheet.height > sheet.width
    out = io.BytesIO()
    sheet.save(out, format="PNG", dpi=(150, 150))
    return out.getvalue()


async def test_print_running_sideways_on_a_portrait_sheet_is_turned_and_read() -> None:
    pages = await TesseractTextExtractor(dpi=150).extract(_sideways_sheet(), ContentType.PNG)
    assert len(pages) == 1
    text = pages[0].text
    assert "Cleadale Fuels Ltd" in text
    assert "CF-20417" in text
    assert "£1,480.00" in text
