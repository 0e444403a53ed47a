"""Lines of print Tesseract's reading of a page left out, found and read again.

Tesseract's layout analysis drops some print altogether: a value drawn inside a small frame
or ring (a box around "3rd May '26" beside its label, an amount circled), or on a tint, is
often taken for a picture and returned as nothing at all, not even an empty word, while the
label beside it is read. No reader rule can read what OCR never gave (round 36's "what
remains"), so the extractor looks for it:

1. the page, reduced to about 100 dpi, is split into ink and paper (Otsu's threshold);
2. the ink under every word Tesseract returned (a margin round each) is taken away;
3. what ink is left is cut into connected pieces. A piece the size of a letter of the page's
   own print is a character; a larger piece with little ink for its box (an outline: a frame,
   a ring, a box drawn round a value) is a frame. Rules, dots, specks and pictures are neither;
4. characters side by side on one line, close enough to be one run of print, are a line
   Tesseract never read (two characters at least, as wide as a line is tall);
5. each such line is cut from the page at full resolution with nothing in it but its own
   characters (the frame round it, a tint under it, specks: all made white) and the lines of
   a page are read in one more Tesseract run, stacked one under another (``--psm 6``);
6. only lines in a frame, or beside a line Tesseract read (a value beside its label, no
   wider than two fifths of the page), away from the page's edge, are read again: other
   unread ink (a logo's lettering, a band of pattern, a scan's border) would cost a second
   reading on most scanned pages and give no field;
7. every word read again with some confidence is put back where it was printed: into the
   line of the page it sits on (so the text reads "Date of this letter is 3rd May '26"), or
   as a block of its own.

A page whose reading covers all its ink costs one threshold and one labelling of the little
that is left (a few milliseconds a page); only a page with print left unread costs a second
Tesseract run, on its unread lines alone.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

# The resolution the page is searched at (the lines found are read at full resolution).
_SEARCH_DPI = 100
# The margin round a word Tesseract read whose ink counts as read, in line heights.
_MARGIN = 0.3
# A Tesseract reading less sure than this (0-100) of a word read again is not kept.
_SURE = 50.0
# At most this many lines a page are read again (the rest: too much left unread to be a
# value here and there; a page Tesseract failed on wholesale is not mended this way).
_MOST = 12


@dataclass(frozen=True)
class Line:
    """A line of print left unread: where to cut it from the page (full resolution), where
    its characters are in the cut, the height of the page's words, the page's ink
    threshold."""

    left: int
    top: int
    right: int
    bottom: int
    inner: tuple[int, int, int, int]  # its characters' box, in the cut (left, top, right, bottom)
    framed: bool  # (then ``inner`` is the frame's inside)
    tall: int
    threshold: int


def unread_lines(image: Image.Image, result: dict[str, list[Any]], dpi: int | None) -> list[Line]:
    """The lines of print on ``image`` (8-bit grey) that none of ``result``'s words cover."""
    words = _read_words(result)
    if len(words) < 3:
        return []  # a page Tesseract read (next to) nothing on: not this mechanism's case
    scale = max(1, round((dpi or 300) / _SEARCH_DPI))
    threshold = _otsu_of(image.reduce(4) if min(image.size) > 400 else image)
    # Ink at full resolution, then reduced: a search pixel is ink where any of the page's
    # pixels under it is (averaging first would lose a light face's thin strokes).
    binary = image.point([0] * threshold + [255] * (256 - threshold))
    small = np.asarray(binary.reduce(scale) if scale > 1 else binary)
    ink = small < 255 - 127 // (scale * scale)
    height = statistics.median(h for *_, h in words) / scale
    for x, y, w, h in words:
        m = _MARGIN * h
        ink[
            max(0, int((y - m) / scale)) : int((y + h + m) / scale) + 1,
            max(0, int((x - m) / scale)) : int((x + w + m) / scale) + 1,
        ] = False
    if int(ink.sum()) < height * height:
        return []
    from scipy import ndimage  # (loaded only where ink is left unread)

    labels, _ = ndimage.label(ink)
    chars, frames = _pieces(labels, ndimage.find_objects(labels), height)
    runs = _runs(chars, height)
    runs += _filled(frames, [p for run in runs for p in run], ink, height)
    cuts = _cuts(runs, frames, small.shape, scale, height, threshold)
    # Only print in a frame or beside a line that was read (a value beside its label): a
    # page's other unread ink (a logo's lettering, a stamp, print on a picture) costs a
    # second reading and gives nothing a field is read from.
    # Nor a line at the page's edge (a scan's border) or, unframed, wider than two fifths
    # of the page (a band of pattern behind a letterhead, not a value).
    width, tall = image.size
    return [
        c
        for c in cuts
        if c.left > 0
        and c.top > 0
        and c.right < width - 1
        and c.bottom < tall - 1
        and (c.framed or (c.right - c.left < 0.4 * width and _host_of(result, _page_box(c))))
    ][:_MOST]


def _page_box(line: Line) -> tuple[int, int, int, int]:
    left, top, right, bottom = line.inner
    return (line.left + left, line.top + top, line.left + right, line.top + bottom)


def _filled(
    frames: list[_Piece], chars: list[_Piece], ink: np.ndarray, height: float
) -> list[list[_Piece]]:
    """Frames with ink inside and no run of characters found there (the print inside
    touches the frame at the search's resolution, so it is all one piece with it): each
    as a run of one piece, its inside."""
    out = []
    inset = max(1, round(0.3 * height))
    for _, top, left, bottom, right in frames:
        inside = (top + inset, left + inset, bottom - inset, right - inset)
        if inside[2] <= inside[0] or inside[3] <= inside[1]:
            continue
        if any(
            inside[1] <= (c[2] + c[4]) / 2 <= inside[3]
            and inside[0] <= (c[1] + c[3]) / 2 <= inside[2]
            for c in chars
        ):
            continue  # (a run's frame: ``_framed``)
        if int(ink[inside[0] : inside[2], inside[1] : inside[3]].sum()) >= 0.5 * height * height:
            out.append([(0, *inside)])
    return out


def _read_words(result: dict[str, list[Any]]) -> list[tuple[int, int, int, int]]:
    return [
        (int(x), int(y), int(w), int(h))
        for t, x, y, w, h in zip(
            result["text"], result["left"], result["top"], result["width"], result["height"],
            strict=True,
        )
        if str(t).strip() and int(h) > 0
    ]  # fmt: skip


def _otsu_of(image: Image.Image) -> int:
    """Otsu's threshold of a grey image: ink below it, paper (and a light tint) above.
    (Its histogram counted by Pillow: the same counts as numpy's ``bincount`` of its
    pixels, without exporting them to numpy first: half the CPU, round ocrfast39.)"""
    counts = np.array(image.histogram(), dtype=np.float64)
    total = counts.sum()
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(counts)
    mean = np.cumsum(counts * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1.0)
    return int(np.argmax(between)) + 1


# A piece: (label, top, left, bottom, right) at the search resolution.
_Piece = tuple[int, int, int, int, int]


def _pieces(
    labels: np.ndarray, boxes: list[Any], height: float
) -> tuple[list[_Piece], list[_Piece]]:
    """The pieces of ink the size of a character of the page's print, with some ink for
    their box (a rule, a speck or a picture is none); and the frames: outlines (little
    ink for their box) one to four lines tall, as a box or ring drawn round a value."""
    chars: list[_Piece] = []
    frames: list[_Piece] = []
    for index, found in enumerate(boxes, 1):
        if found is None:
            continue
        rows, cols = found
        h, w = rows.stop - rows.start, cols.stop - cols.start
        piece = (index, rows.start, cols.start, rows.stop, cols.stop)
        if 0.3 * height <= h <= 1.5 * height and w <= 3 * height and h * w >= 4:
            if int((labels[found] == index).sum()) >= 0.12 * h * w:
                chars.append(piece)
        elif (
            1.2 * height <= h <= 4 * height
            and w >= 1.5 * height
            and int((labels[found] == index).sum()) < 0.5 * h * w
        ):
            frames.append(piece)
    return chars, frames


def _runs(chars: list[_Piece], height: float) -> list[list[_Piece]]:
    """Characters side by side on one line, within a wide word space of each other, that
    make a run of print: two or more, as wide as a line is tall, no taller than two."""
    runs: list[list[_Piece]] = []
    for piece in sorted(chars, key=lambda p: p[2]):
        for run in runs:
            if _beside(run, [piece], 1.5 * height, height):
                run.append(piece)
                break
        else:
            runs.append([piece])
    # Runs on one line a few spaces apart are one (a letter joined to a frame round it at
    # the search's resolution, "May" in "3rd May '26", is no character and leaves a gap).
    merged: list[list[_Piece]] = []
    for run in runs:
        for other in merged:
            if _beside(other, run, 3 * height, height) or _beside(run, other, 3 * height, height):
                other.extend(run)
                break
        else:
            merged.append(run)
    return [
        run
        for run in merged
        if len(run) >= 2
        and max(p[4] for p in run) - min(p[2] for p in run) >= height
        and max(p[3] for p in run) - min(p[1] for p in run) <= 2 * height
    ]


def _beside(run: list[_Piece], then: list[_Piece], gap: float, height: float) -> bool:
    """Whether ``then`` starts within ``gap`` right of ``run``'s end, on its line."""
    start, end = min(p[2] for p in then), max(p[4] for p in run)
    if not -height <= start - end <= gap:
        return False
    middle = statistics.median((p[1] + p[3]) / 2 for p in run)
    return abs(statistics.median((p[1] + p[3]) / 2 for p in then) - middle) <= 0.5 * height


def _framed(
    box: tuple[int, int, int, int], frames: list[_Piece], height: float
) -> tuple[int, int, int, int] | None:
    """The inside of the smallest frame round a run's box (left, top, right, bottom), not
    many characters wider than it, with the run's box; None where no frame is round it.
    (The run's letters that touch the frame at the search's resolution are part of the
    frame's piece, not characters of the run: the cut takes the frame's whole inside.)"""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    wide = box[2] - box[0]
    round_it = [
        f
        for f in frames
        if f[2] <= x <= f[4] and f[1] <= y <= f[3] and f[4] - f[2] <= wide + 20 * height
    ]
    if not round_it:
        return None
    _, top, left, bottom, right = min(round_it, key=lambda f: (f[4] - f[2]) * (f[3] - f[1]))
    inset = max(1, round(0.15 * height))
    return (
        min(box[0], left + inset), min(box[1], top + inset),
        max(box[2], right - inset), max(box[3], bottom - inset),
    )  # fmt: skip


def _within(box: tuple[int, int, int, int], frame: tuple[int, int, int, int]) -> bool:
    """Whether ``box`` is inside ``frame`` (a frame's inside, by its middle)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return frame[0] <= x <= frame[2] and frame[1] <= y <= frame[3]


def _cuts(
    runs: list[list[_Piece]],
    frames: list[_Piece],
    shape: tuple[int, ...],
    scale: int,
    height: float,
    threshold: int,
) -> list[Line]:
    """Each run's box (or its frame's inside) with a margin, at full resolution."""
    out = []
    pad = 0.4 * height
    tall = round(height * scale)
    boxes: list[tuple[tuple[int, int, int, int], bool]] = []
    for run in runs:
        own = (
            min(p[2] for p in run), min(p[1] for p in run),
            max(p[4] for p in run), max(p[3] for p in run),
        )  # fmt: skip
        framed = _framed(own, frames, height)
        # (two runs in one frame, a gap where letters touched it, are one line)
        same = [b for b, f in boxes if f and framed and _within(b, framed)]
        if framed and same:
            b = same[0]
            boxes[boxes.index((b, True))] = (
                (
                    min(b[0], framed[0]), min(b[1], framed[1]),
                    max(b[2], framed[2]), max(b[3], framed[3]),
                ),
                True,
            )  # fmt: skip
        else:
            boxes.append((framed or own, framed is not None))
    for (box_left, box_top, box_right, box_bottom), is_framed in sorted(
        boxes, key=lambda b: (b[0][1], b[0][0])
    ):
        # (unframed, a character's width more across: a light face's last letters may
        # be too faint to be found, "AFB-20229" of "AFB-202296")
        more = 0.0 if is_framed else 0.8 * height
        box = (box_left - more, box_top)
        end = (box_right + more, box_bottom)
        left, top = max(0, round(box[0] - pad)), max(0, round(box[1] - pad))
        right = min(shape[1], round(end[0] + pad))
        bottom = min(shape[0], round(end[1] + pad))
        inner = (round((box[0] - left) * scale), round((box[1] - top) * scale))
        inner_end = (round((end[0] - left) * scale), round((end[1] - top) * scale))
        out.append(
            Line(
                left * scale, top * scale, right * scale, bottom * scale,
                (*inner, *inner_end), is_framed, tall, threshold,
            )
        )  # fmt: skip
    return out


def stacked(
    image: Image.Image, lines: list[Line]
) -> tuple[Image.Image, list[tuple[int, int]], int]:
    """The lines cut from ``image`` with nothing but their own ink (its paper or tint made
    white, its contrast stretched), stacked one under another on white with a line's
    space between them; where each was put (its top in the stack, its height); and the
    space left round each (the left margin)."""
    cuts = [_cut(image, line) for line in lines]
    gap = max(8, max(c.height for c in cuts) // 2)
    width = max(c.width for c in cuts) + 2 * gap
    total = sum(c.height for c in cuts) + gap * (len(cuts) + 1)
    out = Image.new("L", (width, total), 255)
    placed = []
    y = gap
    for cut in cuts:
        out.paste(cut, (gap, y))
        placed.append((y, cut.height))
        y += cut.height + gap
    return out, placed, gap


def _cut(image: Image.Image, line: Line) -> Image.Image:
    """The line's box with all that is no character of it made white, stretched so that
    its paper, or the tint under it, is white. Inside a frame, all outside the frame's
    inside (the frame itself: letters that touch it are kept). Else all outside its
    characters' box and a margin, and every piece of ink that runs over the cut's edge (a
    ring round it, a neighbour's ink), whose middle is outside its characters' box (a
    speck in the margin), taller than the page's words by half again, or a rule."""
    grey = np.asarray(image.crop((line.left, line.top, line.right, line.bottom)), np.float32)
    left, top, right, bottom = line.inner
    margin = (0, 0) if line.framed else (round(0.6 * line.tall), round(0.3 * line.tall))
    clear = np.ones(grey.shape, dtype=bool)
    clear[
        max(0, top - margin[1]) : bottom + margin[1], max(0, left - margin[0]) : right + margin[0]
    ] = False
    clear |= _strokes(grey < line.threshold, line.tall)
    clear |= _strays(grey, line) if not line.framed else _arcs(grey < line.threshold, clear)
    paper = float(np.percentile(grey, 90))
    dark = float(grey[~clear].min()) if (~clear).any() else 0.0
    stretched = np.clip((grey - dark) * 255.0 / max(paper - dark, 1.0), 0, 255)
    return Image.fromarray(np.where(clear, 255, stretched).astype(np.uint8))


def _strokes(ink: np.ndarray, tall: int) -> np.ndarray:
    """Ink in straight strokes longer than a letter's: across, half again a line's height
    (a frame's top or bottom, a rule, turned a little as the page was); down, a third
    again (a frame's side), with a pixel round them."""
    from scipy import ndimage

    out = np.zeros(ink.shape, dtype=bool)
    for axis, length in ((1, round(1.5 * tall)), (0, round(1.3 * tall))):
        if ink.shape[axis] <= length:
            continue
        full = ndimage.minimum_filter1d(ink.view(np.uint8), length, axis=axis) > 0
        out |= ndimage.maximum_filter1d(full.view(np.uint8), length, axis=axis) > 0
    return ndimage.binary_dilation(out, iterations=1) if out.any() else out


def _arcs(ink: np.ndarray, clear: np.ndarray) -> np.ndarray:
    """What is left of a frame inside its box once its straight strokes are gone: a ring's
    curves, thin pieces (little ink for their box) that reach the cleared border."""
    from scipy import ndimage

    labels, _ = ndimage.label(ink & ~clear)
    near = ndimage.binary_dilation(clear, iterations=2)
    out = np.zeros(ink.shape, dtype=bool)
    for index, found in enumerate(ndimage.find_objects(labels), 1):
        if found is None:
            continue
        own = labels[found] == index
        if (near[found] & own).any() and own.sum() < 0.25 * own.size:
            out[found] |= own
    return ndimage.binary_dilation(out, iterations=1) if out.any() else out


def _strays(grey: np.ndarray, line: Line) -> np.ndarray:
    """The pieces of ink in an unframed line's cut that are none of its characters."""
    from scipy import ndimage

    # (smoothed first: a photo's grain would join the characters to a ring round them)
    labels, _ = ndimage.label(ndimage.uniform_filter(grey, 3) < line.threshold)
    clear = np.zeros(grey.shape, dtype=bool)
    rows, cols = grey.shape
    left, top, right, bottom = line.inner
    for index, found in enumerate(ndimage.find_objects(labels), 1):
        if found is None:
            continue
        ys, xs = found
        h, w = ys.stop - ys.start, xs.stop - xs.start
        x, y = (xs.start + xs.stop) / 2, (ys.start + ys.stop) / 2
        stray = ys.start == 0 or xs.start == 0 or ys.stop == rows or xs.stop == cols
        stray = stray or not (left <= x <= right and top <= y <= bottom)
        if stray or h > 1.6 * line.tall or (w > 4 * line.tall and h < 0.3 * line.tall):
            clear[found] |= labels[found] == index
    return ndimage.binary_dilation(clear, iterations=2) if clear.any() else clear


def put_back(
    result: dict[str, list[Any]],
    again: dict[str, list[Any]],
    lines: list[Line],
    placed: list[tuple[int, int]],
    gap: int,
) -> dict[str, list[Any]]:
    """``result`` with the words of ``again`` (the stack's reading) put back where they
    were printed, each line of the stack as one: into the line of the page it sits on,
    else as a block of its own."""
    out = {key: list(values) for key, values in result.items()}
    block = max((int(b) for b in result["block_num"]), default=0)
    for which, rows in _by_line(again, lines, placed, gap).items():
        rows = [
            r
            for r in rows
            if not _taken(out, r["left"] + r["width"] / 2, r["top"] + r["height"] / 2)
        ]
        if not rows:
            continue
        host = _host(out, rows)
        if host is None:
            block += 1
            for number, row in enumerate(sorted(rows, key=lambda r: r["left"]), 1):
                row.update(block_num=block, par_num=1, line_num=1, word_num=number)
                _insert(out, len(out["text"]), row)
            continue
        for row in rows:
            row.update(block_num=host[0], par_num=host[1], line_num=host[2])
            _insert(out, _place(out, host, row["left"]), row)
        del which
    return out


def _by_line(
    again: dict[str, list[Any]], lines: list[Line], placed: list[tuple[int, int]], gap: int
) -> dict[int, list[dict[str, Any]]]:
    """The stack's words read with some confidence, in the page's pixels, by the line of
    the stack they were read on."""
    out: dict[int, list[dict[str, Any]]] = {}
    for index, text in enumerate(again["text"]):
        if not str(text).strip() or float(again["conf"][index]) < _SURE:
            continue
        if not any(c.isalnum() or c == "£" for c in str(text)):
            continue
        w, h = int(again["width"][index]), int(again["height"][index])
        middle = int(again["top"][index]) + h / 2
        which = next(
            (j for j, (y, tall) in enumerate(placed) if y - gap / 2 <= middle < y + tall + gap / 2),
            None,
        )
        if which is None:
            continue
        row = {key: again[key][index] for key in again}
        row.update(
            left=int(again["left"][index]) - gap + lines[which].left,
            top=int(again["top"][index]) - placed[which][0] + lines[which].top,
            width=w, height=h, level=5,
        )  # fmt: skip
        out.setdefault(which, []).append(row)
    return out


def _host(result: dict[str, list[Any]], rows: list[dict[str, Any]]) -> tuple[int, int, int] | None:
    """The line of the page (of words Tesseract read) that a line read again sits on."""
    top = min(r["top"] for r in rows)
    bottom = max(r["top"] + r["height"] for r in rows)
    left, right = min(r["left"] for r in rows), max(r["left"] + r["width"] for r in rows)
    return _host_of(result, (left, top, right, bottom))


def _host_of(
    result: dict[str, list[Any]], box: tuple[int, int, int, int]
) -> tuple[int, int, int] | None:
    """The line of the page (of words Tesseract read) that ``box`` sits on: most of both
    their heights shared, within a few line heights of each other across; None where
    there is none."""
    left, top, right, bottom = box
    spans: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(result["text"]):
        if not str(text).strip() or int(result["level"][i]) != 5:
            continue
        key = (int(result["block_num"][i]), int(result["par_num"][i]), int(result["line_num"][i]))
        x, y = int(result["left"][i]), int(result["top"][i])
        x1, y1 = x + int(result["width"][i]), y + int(result["height"][i])
        span = spans.setdefault(key, [x, y, x1, y1])
        span[:] = [min(span[0], x), min(span[1], y), max(span[2], x1), max(span[3], y1)]
    best: tuple[float, tuple[int, int, int]] | None = None
    for key, (x, y, x1, y1) in spans.items():
        tall = y1 - y
        if min(bottom, y1) - max(top, y) < 0.6 * max(bottom - top, tall):
            continue
        apart = max(0, x - right, left - x1)
        if apart <= 8 * tall and (best is None or apart < best[0]):
            best = (apart, key)
    return best[1] if best else None


def _place(result: dict[str, list[Any]], key: tuple[int, int, int], x: int) -> int:
    """Where a word at ``x`` goes among the words of line ``key``: after those left of it."""
    on_line = [
        i
        for i in range(len(result["text"]))
        if int(result["level"][i]) == 5
        and (int(result["block_num"][i]), int(result["par_num"][i]), int(result["line_num"][i]))
        == key
    ]
    before = [i for i in on_line if int(result["left"][i]) <= x]
    return before[-1] + 1 if before else on_line[0] if on_line else len(result["text"])


def _taken(result: dict[str, list[Any]], cx: float, cy: float) -> bool:
    return any(
        int(x) <= cx <= int(x) + int(w) and int(y) <= cy <= int(y) + int(h)
        for t, x, y, w, h in zip(
            result["text"], result["left"], result["top"], result["width"], result["height"],
            strict=True,
        )
        if str(t).strip()
    )  # fmt: skip


def _insert(result: dict[str, list[Any]], at: int, row: dict[str, Any]) -> None:
    for key in result:
        result[key].insert(at, row[key])
