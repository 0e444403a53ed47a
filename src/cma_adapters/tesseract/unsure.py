"""Value words Tesseract was unsure of, read again on their own (round 53).

A reference, a date or an amount misread on the page (O for 0, S for 5, a "/" read as I, a
digit lost) leaves the reader nothing to mend: the text is all it has. Tesseract says how
sure it is of each word (the TSV's ``conf``). The words that look like values (a figure in
them) and that it was unsure of are cut from the page, each with a little paper round it and
all other ink left out, scaled to one height and stacked one under another on white, and
the whole stack is read by ONE further Tesseract run, each line as one word. A word's
second reading replaces its first only when Tesseract is surer of it and it keeps the
word's shape (nearly the same characters, the same length give or take one). The word's box
is kept: the value is still shown where it was printed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image

UNSURE = 75.0
"""Word confidence (0-100) under which a value-shaped word is read again."""
SURER = 10.0
"""How much surer (confidence points) the second reading must be to replace the first."""
HEIGHT = 48
"""Each cut's word height (pixels) in the stack."""
UNSURE_DPI = 300
"""The resolution the stack is read at: a word of body print is about ``HEIGHT`` pixels
tall at 300 dpi."""
MOST = 40
"""At most this many words a page (the least sure first): the stack's reading stays small."""


def unsure_values(result: dict[str, list[Any]]) -> list[int]:
    """The rows of ``result`` that are words with a figure in them, read with a confidence
    under ``UNSURE`` (the least sure first, at most ``MOST``)."""
    picks = []
    for i, text in enumerate(result["text"]):
        word = str(text).strip()
        conf = float(result["conf"][i])
        if not word or conf < 0 or conf >= UNSURE or int(result["level"][i]) != 5:
            continue
        if len(word) < 2 or not any(c.isdigit() for c in word):
            continue
        if int(result["width"][i]) < 2 or int(result["height"][i]) < 4:
            continue
        picks.append(i)
    picks.sort(key=lambda i: float(result["conf"][i]))
    return picks[:MOST]


def _cut(image: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """The word's box (left, top, right, bottom) with a sliver of the page round it, its
    paper made white and its contrast stretched (so the cut's edge is no mark on the white
    round it), scaled to ``HEIGHT``, with a word's space of white each side."""
    left, top, right, bottom = box
    tall = bottom - top
    sliver = max(1, round(0.12 * tall))
    crop = image.crop(
        (
            max(0, left - sliver),
            max(0, top - sliver),
            min(image.width, right + sliver),
            min(image.height, bottom + sliver),
        )
    )
    grey = np.asarray(crop, np.float32)
    paper, dark = float(np.percentile(grey, 90)), float(grey.min())
    stretched = np.clip((grey - dark) * 255.0 / max(paper - dark, 1.0), 0, 255)
    crop = Image.fromarray(stretched.astype(np.uint8))
    scale = HEIGHT / max(1, tall)
    size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
    crop = crop.resize(size, Image.Resampling.LANCZOS) if scale != 1 else crop
    pad = HEIGHT // 2
    out = Image.new("L", (crop.width + 2 * pad, crop.height + pad), 255)
    out.paste(crop, (pad, pad // 2))
    return out


def word_stack(
    image: Image.Image, result: dict[str, list[Any]], picks: list[int]
) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The picked words cut from ``image`` (8-bit grey) and stacked one under another, a
    line's space between them; and where each was put (its top in the stack, its height)."""
    cuts = []
    for i in picks:
        x, y = int(result["left"][i]), int(result["top"][i])
        w, h = int(result["width"][i]), int(result["height"][i])
        cuts.append(_cut(image, (x, y, x + w, y + h)))
    gap = HEIGHT // 2
    width = max(c.width for c in cuts) + 2 * gap
    total = sum(c.height for c in cuts) + gap * (len(cuts) + 1)
    out = Image.new("L", (width, total), 255)
    placed = []
    y = gap
    for cut in cuts:
        out.paste(cut, (gap, y))
        placed.append((y, cut.height))
        y += cut.height + gap
    return out, placed


def _readings(
    again: dict[str, list[Any]], placed: list[tuple[int, int]]
) -> dict[int, tuple[str, float]]:
    """Each stacked cut's second reading: its words joined (a word the stack split in two
    is one again), and the least confidence among them."""
    found: dict[int, list[tuple[int, str, float]]] = {}
    for index, text in enumerate(again["text"]):
        word = str(text).strip()
        if not word or float(again["conf"][index]) < 0:
            continue
        middle = int(again["top"][index]) + int(again["height"][index]) / 2
        which = next(
            (j for j, (y, tall) in enumerate(placed) if y - HEIGHT / 4 <= middle < y + tall),
            None,
        )
        if which is not None:
            found.setdefault(which, []).append(
                (int(again["left"][index]), word, float(again["conf"][index]))
            )
    return {
        j: ("".join(w for _, w, _ in sorted(parts)), min(c for _, _, c in parts))
        for j, parts in found.items()
    }


FIGURE_FOR = {"0": "OoQD", "1": "Il|!", "2": "Zz", "4": "A", "5": "Ss", "6": "Gb", "7": "T",
              "8": "B", "9": "gq", "/": "Il|!1"}  # fmt: skip
"""The letters (and strokes) print's figures, and a slash, are misread as."""
SPECKS = set(".,:;'\"`‘’“”-_~^*°")
"""Marks a speck of dust or a stain on the page is read as."""


def _same_shape(first: str, second: str) -> bool:
    """Whether a second reading keeps the word's shape: a figure in it, the same length give
    or take one, at most a quarter of its characters (one at least) changed, and every
    change one that mends a misreading the first reading shows: a figure or a slash for the
    letter or stroke it is misread as (O for 0, S for 5, I for /), a figure found, a
    speck's mark dropped. Never the other way (a figure into a letter), never a letter into
    another letter, a currency sign into anything, nor a mark found; and not a figure for
    another figure, nor a figure dropped: two readings of figures are both well formed,
    the first shows nothing wrong, and Tesseract's confidence alone must choose (round 53:
    taking them lost a check family's deadline)."""
    if not any(c.isdigit() for c in second) or abs(len(first) - len(second)) > 1:
        return False
    changes = _changes(first, second)
    if len(changes) > max(1, len(first) // 4):
        return False
    for was, now in changes:
        if was and now:
            if was not in FIGURE_FOR.get(now, ""):
                return False
        elif now:
            if not now.isdigit():
                return False
        elif was not in SPECKS:
            return False
    return True


def _changes(a: str, b: str) -> list[tuple[str, str]]:
    """The fewest edits that turn ``a`` into ``b``: (a's character, b's), "" for none."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb)))
        rows.append(row)
    out: list[tuple[str, str]] = []
    i, j = len(a), len(b)
    while i or j:
        if i and j and rows[i][j] == rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                out.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + 1:
            out.append((a[i - 1], ""))
            i -= 1
        else:
            out.append(("", b[j - 1]))
            j -= 1
    return out


def better_readings(
    result: dict[str, list[Any]],
    again: dict[str, list[Any]],
    picks: list[int],
    placed: list[tuple[int, int]],
) -> dict[str, list[Any]]:
    """``result`` with each picked word's text and confidence taken from its second reading
    where that is surer by ``SURER`` and keeps the word's shape; every box as it was."""
    out = {key: list(values) for key, values in result.items()}
    for j, (text, conf) in _readings(again, placed).items():
        i = picks[j]
        first = str(result["text"][i]).strip()
        if text == first or conf < float(result["conf"][i]) + SURER:
            continue
        if _same_shape(first, text):
            out["text"][i], out["conf"][i] = text, conf
    return out
