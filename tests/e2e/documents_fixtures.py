"""Small rendered letters for the documents tests: big enough for Tesseract, quick to read."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_SIZE = 24

CREDITOR_LETTER = [
    "Lowell Portfolio Ltd",
    "Date: 2 November 2026",
    "Account number: 12345678",
    "Your account is in arrears.",
    "The outstanding balance on your account is £1,234.56.",
    "Please pay by 30 November 2026.",
]

# A second creditor's letter, for a page whose account number a wet scan smudged
# (``smudged(letter_png(WET_LETTER), REFERENCE_AT)``: the same place as CREDITOR_LETTER's).
WET_LETTER = [
    "Cabot Financial (UK) Ltd",
    "Date: 4 November 2026",
    "Account number: 55501234",
    "Your account is in arrears.",
    "The outstanding balance on your account is £912.40.",
    "Please pay by 2 December 2026.",
]

N1_CLAIM = [
    "Claim Form (N1)",
    "In the County Court Business Centre",
    "Claim number: K1QZ4521",
    "Issue date: 10 November 2026",
    "Claimant: Cabot Financial Ltd",
    "Total amount claimed £2,340.00",
]


def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ):
        try:
            return ImageFont.truetype(path, FONT_SIZE)
        except OSError:
            continue
    return ImageFont.load_default(size=FONT_SIZE)


def letter_png(lines: list[str], *, fmt: str = "PNG") -> bytes:
    font = _font()
    image = Image.new("L", (900, 60 + int(FONT_SIZE * 1.6) * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((30, 30 + i * int(FONT_SIZE * 1.6)), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


# Where the fixture prints the account number (after "Account number: "), with a margin.
REFERENCE_AT = (244, 106, 368, 134)


def smudged(data: bytes, region: tuple[int, int, int, int]) -> bytes:
    """The page with ``region`` blurred and speckled, as a wet or creased scan is."""
    page = Image.open(io.BytesIO(data)).convert("L")
    crop = page.crop(region).filter(ImageFilter.GaussianBlur(1.4))
    rnd = random.Random(7)
    noisy = bytes(max(0, min(255, v + rnd.randint(-80, 80))) for v in crop.tobytes())
    page.paste(Image.frombytes("L", crop.size, noisy), region)
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()
