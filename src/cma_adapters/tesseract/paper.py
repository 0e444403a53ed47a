"""A colour page made grey against its own paper (round 49b, issue 14).

A colour scan or photo is made grey for Tesseract. Converted as it is (Pillow's luma), a
page under uneven light or tint keeps it: the shade of a net curtain or a lamp, a stain, a
tinted patch of paper, darker in places than the print elsewhere, which Tesseract's one
threshold for the page then turns to black blocks or takes the print away with. Here each
colour channel is divided by the paper's own colour round it first:

1. the paper's colour is mapped on a coarse grid (blocks about a sixtieth of the page's
   short side, an eighth of an inch or so): the brightest of each block in each channel,
   then the brightest of its neighbours, so a block covered by print still finds paper;
2. the map is spread over the page (bilinear) and each pixel's channels divided by it:
   paper, whatever its shade or tint, becomes white; ink on it stays as dark against it as
   it was; coloured print on white paper keeps its colour, so its luma;
3. the result is made grey (luma) as before.

Measured on the read families' colour scans (``benchmarks/ocr_prep.py``, OCR.md round
49b). Grey pages (8-bit grey uploads, PDFs rendered grey) are not changed.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# The map's block: the page's short side over this, at least ``_LEAST_BLOCK`` pixels.
_BLOCKS_ACROSS = 60
_LEAST_BLOCK = 8


def against_paper(image: Image.Image, *, uneven: int = 0) -> Image.Image | None:
    """``image`` (RGB) as 8-bit grey, each channel divided by the paper's colour round it;
    ``None`` where the paper's map spreads over ``uneven`` grey levels or fewer
    (``spread``: paper even enough for Pillow's own conversion)."""
    pixels = np.asarray(image)
    height, width, _ = pixels.shape
    step = max(_LEAST_BLOCK, min(height, width) // _BLOCKS_ACROSS)
    rows, cols = -(-height // step), -(-width // step)
    blocks = _block_max(pixels, step, rows, cols)
    if uneven and _spread(blocks[: height // step, : width // step]) <= uneven:
        return None
    # the brightest of each block's 3x3 neighbourhood (wrapping at the page's edges)
    grown = blocks.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                np.maximum(grown, np.roll(np.roll(blocks, dy, 0), dx, 1), out=grown)
    paper = np.asarray(Image.fromarray(grown).resize((width, height), Image.Resampling.BILINEAR))
    out = pixels.astype(np.float32)
    out *= 255.0
    out /= np.maximum(paper, 1)
    np.clip(out, 0, 255, out=out)
    return Image.fromarray(out.astype(np.uint8)).convert("L")


def spread(image: Image.Image) -> int:
    """How uneven the paper of ``image`` (RGB) is: the grey levels between the 5th and
    95th percentile of the paper's map (its luma), blocks the page's edge cuts left out."""
    pixels = np.asarray(image)
    height, width, _ = pixels.shape
    step = max(_LEAST_BLOCK, min(height, width) // _BLOCKS_ACROSS)
    return _spread(_block_max(pixels, step, height // step, width // step))


def _spread(blocks: np.ndarray) -> int:
    luma = blocks @ np.array([0.299, 0.587, 0.114])
    low, high = np.percentile(luma, [5, 95])
    return round(float(high - low))


def _block_max(pixels: np.ndarray, step: int, rows: int, cols: int) -> np.ndarray:
    """The brightest of each ``step`` by ``step`` block in each channel; a block the page's
    edge cuts is white (the page taken as lying on white: its edge is no paper to map)."""
    height, width, _ = pixels.shape
    out = np.full((rows, cols, 3), 255, np.uint8)
    full_rows, full_cols = height // step, width // step
    if full_rows and full_cols:
        body = pixels[: full_rows * step, : full_cols * step]
        # (rows of blocks first: whole rows compared, then the narrow result's columns;
        # numpy's max over both at once is ten times slower)
        across = body.reshape(full_rows, step, full_cols * step * 3).max(axis=1)
        out[:full_rows, :full_cols] = across.reshape(full_rows, full_cols, step, 3).max(axis=2)
    return out
