"""The printed page of the layout families written since N (``corpus_blind_n``,
``corpus_blind_o``, ``corpus_blind_p``, ``corpus_blind_q``): cells, boxes, a family's
faces, the rows every sheet sets, where each cell lands in pixels, and from that the words
with their exact boxes, the text a perfect OCR would give and the pages the extractor
returns.

Each family keeps its own hand: its documents, faces, rules, ways of setting rows and scan
effects. Only this engine is shared; O's and P's authors, writing blind, had copied it
line for line (identical but for the names). It knows nothing of any document or of the
reader; it reads a sample's style (face, point size, orientation), its rows of cells and
where its footer block starts.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, ClassVar, Protocol, Self, TypeVar

from attrs import frozen
from PIL import ImageFont

from cma_adapters.rules_assistant.corpus import Cell, Page, Row, Sample
from cma_core.documents.model import Box, DocumentClass, PageSource, PageText, Word

LEADING = 1.5
"""A row's height as a multiple of its largest cell's size."""
A4 = (8.27, 11.69)
"""Inches, portrait."""
TOP, BOTTOM = 0.05, 0.95
"""Where the first row starts and the last must end, as shares of the page height."""


@frozen
class PrintCell(Cell):
    """A cell that may be right-aligned or centred on ``x``, italic, in its own size."""

    align: str = "left"
    size: float = 0.0
    """Point size; 0 means the document's body size."""
    italic: bool = False


def t(
    x: float, text: str, bold: bool = False, *, size: float = 0.0, italic: bool = False
) -> PrintCell:
    return PrintCell(x, text, bold, "left", size, italic)


def rt(
    x: float, text: str, bold: bool = False, *, size: float = 0.0, italic: bool = False
) -> PrintCell:
    """Right-aligned: ``x`` is where the text ends."""
    return PrintCell(x, text, bold, "right", size, italic)


def ct(
    x: float, text: str, bold: bool = False, *, size: float = 0.0, italic: bool = False
) -> PrintCell:
    return PrintCell(x, text, bold, "centre", size, italic)


@frozen
class Rect:
    """A box over rows ``first``..``last`` from ``x0`` to ``x1``: ruled (``outline``),
    shaded (``fill``, a grey level) or both."""

    first: int
    last: int
    x0: float
    x1: float
    outline: bool = True
    fill: int | None = None


FontOf = Callable[[str, int, bool, bool], ImageFont.FreeTypeFont]
"""(face, pixel size, bold, italic) -> the font."""
Measure = Callable[[str, int, bool, bool, str], float]
"""(face, pixel size, bold, italic, text) -> the text's length in pixels."""


class PrintStyle(Protocol):
    @property
    def face(self) -> str: ...
    @property
    def point(self) -> float: ...
    @property
    def landscape(self) -> bool: ...


class Printable(Protocol):
    """What the engine reads of a sample."""

    @property
    def name(self) -> str: ...
    @property
    def pages(self) -> tuple[Page, ...]: ...
    @property
    def style(self) -> PrintStyle: ...
    @property
    def feet(self) -> tuple[int | None, ...]: ...


class Faces:
    """A family's faces: ``files`` names each face's font file with ``{}`` where the weight
    goes, ``styles`` the weight's part of the name per (bold, italic)."""

    def __init__(
        self, files: Mapping[str, str], styles: Mapping[str, Mapping[tuple[bool, bool], str]]
    ) -> None:
        self.files = files
        self.styles = styles
        self.font: FontOf = cache(self._font)
        self.measure: Measure = cache(self._measure)
        """The text's length in pixels (cached: the same words recur on every document)."""

    def _font(self, face: str, size: int, bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.files[face].format(self.styles[face][bold, italic]), size)

    def _measure(self, face: str, size: int, bold: bool, italic: bool, text: str) -> float:
        return float(self.font(face, size, bold, italic).getlength(text))

    def length(self, style: PrintStyle, text: str, point: float, bold: bool = False) -> float:
        """The text's width as a share of the page width."""
        width = (A4[1] if style.landscape else A4[0]) * 100
        return self.measure(style.face, round(point / 72 * 100), bold, False, text) / width


class PrintSheet:
    """One page being written: rows, boxes and where the footer block starts (a family's
    ``Sheet`` adds its rules and its own ways of setting rows)."""

    faces: ClassVar[Faces]

    def __init__(self, style: PrintStyle) -> None:
        self.style = style
        self.rows: list[Row] = []
        self.rects: list[Rect] = []
        self.foot: int | None = None

    def add(self, *rows: Row) -> Self:
        self.rows.extend(rows)
        return self

    def gap(self, n: int = 1) -> Self:
        self.rows.extend(() for _ in range(n))
        return self

    def wrapped(
        self, text: str, x: float, right: float, *, size: float = 0.0, italic: bool = False
    ) -> list[Row]:
        """``text`` in lines that fit between ``x`` and ``right`` (measured in the face)."""
        point = size or self.style.point
        space = self.faces.length(self.style, " ", point)
        lines: list[str] = []
        line, used = "", 0.0
        for word in text.split():
            length = self.faces.length(self.style, word, point)
            if line and x + used + space + length > right:
                lines.append(line)
                line, used = word, length
            elif line:
                line, used = f"{line} {word}", used + space + length
            else:
                line, used = word, length
        if line:
            lines.append(line)
        return [(t(x, line, size=size, italic=italic),) for line in lines]

    def para(self, text: str, *, x: float = 0.08, right: float = 0.92, size: float = 0.0) -> Self:
        self.rows.extend(self.wrapped(text, x, right, size=size))
        return self

    def box(
        self,
        rows: Sequence[Row],
        x0: float,
        x1: float,
        *,
        fill: int | None = None,
        outline: bool = True,
    ) -> Self:
        first = len(self.rows)
        self.rows.extend(rows)
        self.rects.append(Rect(first, len(self.rows) - 1, x0, x1, outline, fill))
        return self


@frozen
class Placed:
    """A cell on the page: its left edge, top and size in pixels, and its font."""

    cell: Cell
    left: int
    top: int
    size: int
    font: ImageFont.FreeTypeFont
    key: tuple[str, int, bool, bool]
    """(face, size, bold, italic): what ``measure`` needs."""
    measure: Measure

    def length(self, text: str) -> float:
        return self.measure(*self.key, text)


@frozen
class Printer:
    """The engine over one family's faces (``font`` and ``measure``, cached by the family)."""

    font: FontOf
    measure: Measure

    def page_size(self, sample: Printable, dpi: int) -> tuple[int, int]:
        w, h = (A4[1], A4[0]) if sample.style.landscape else A4
        return int(w * dpi), int(h * dpi)

    def cell_size(self, sample: Printable, cell: Cell, dpi: int) -> int:
        point = cell.size if isinstance(cell, PrintCell) and cell.size else sample.style.point
        return round(point / 72 * dpi)

    def rows(self, sample: Printable, n: int, dpi: int) -> tuple[list[int], list[int]]:
        """Each row's top and height in pixels; the footer block sits at the foot of the
        page."""
        _, height = self.page_size(sample, dpi)
        body = round(sample.style.point / 72 * dpi)
        page: Sequence[Sequence[Cell]] = sample.pages[n]
        heights = [
            round(max((self.cell_size(sample, cell, dpi) for cell in row), default=body) * LEADING)
            for row in page
        ]
        foot = sample.feet[n] if sample.feet else None
        tops: list[int] = []
        y = round(TOP * height)
        for i in range(len(page)):
            if i == foot:
                low = round(BOTTOM * height) - sum(heights[i:])
                if low < y:
                    raise ValueError(f"{sample.name}: page {n + 1} runs into its footer")
                y = low
            tops.append(y)
            y += heights[i]
        if y > BOTTOM * height + 1:
            raise ValueError(f"{sample.name}: page {n + 1} runs off the page")
        return tops, heights

    def layout(self, sample: Printable, n: int, dpi: int) -> list[Placed]:
        """Every cell of page ``n`` with its left edge, top and size in pixels."""
        width, _ = self.page_size(sample, dpi)
        tops, _ = self.rows(sample, n, dpi)
        placed: list[Placed] = []
        for row, top in zip(sample.pages[n], tops, strict=True):
            for cell in row:
                size = self.cell_size(sample, cell, dpi)
                italic = isinstance(cell, PrintCell) and cell.italic
                key = (sample.style.face, size, cell.bold, italic)
                align = cell.align if isinstance(cell, PrintCell) else "left"
                length = 0.0 if align == "left" else self.measure(*key, cell.text)
                left = cell.x * width - {"left": 0.0, "right": length, "centre": length / 2}[align]
                font = self.font(*key)
                placed.append(Placed(cell, round(left), top, size, font, key, self.measure))
        return placed

    def words(self, sample: Printable, n: int, *, dpi: int = 150) -> list[Word]:
        """Page ``n``'s words with their exact boxes (what a perfect OCR reads)."""
        words: list[Word] = []
        for p in self.layout(sample, n, dpi):
            x = float(p.left)
            for token in p.cell.text.split():
                length = p.length(token)
                box = Box(left=round(x), top=p.top, width=round(length), height=p.size)
                words.append(Word(text=token, box=box))
                x += length + p.length(" ")
        return words

    def page_text(self, sample: Printable, n: int, *, dpi: int = 150) -> str:
        """Page ``n`` as text: one line a row, cells in their order across the page, set
        apart by spaces in proportion to the gap between them."""
        width, _ = self.page_size(sample, dpi)
        tops, _ = self.rows(sample, n, dpi)
        by_top: dict[int, list[Placed]] = {}
        for p in self.layout(sample, n, dpi):
            by_top.setdefault(p.top, []).append(p)
        lines: list[str] = []
        for top in tops:
            line = ""
            for p in sorted(by_top.get(top, []), key=lambda p: p.left):
                if not p.cell.text:
                    continue
                if line:
                    line += " " * max(3, round(p.left / width * 100) - len(line))
                line += p.cell.text
            lines.append(line.rstrip())
        return "\n".join(lines)

    def text(self, sample: Printable) -> str:
        """Every page's text, pages apart by form feeds."""
        return "\f".join(self.page_text(sample, n) for n in range(len(sample.pages)))

    def pages(self, sample: Printable, *, dpi: int = 150) -> tuple[PageText, ...]:
        """The sample as the extractor would return it from a perfect read."""
        return tuple(
            PageText(
                number=n + 1,
                text=self.page_text(sample, n, dpi=dpi),
                confidence=1.0,
                source=PageSource.OCR,
                words=tuple(self.words(sample, n, dpi=dpi)),
                size=self.page_size(sample, dpi),
            )
            for n in range(len(sample.pages))
        )


S = TypeVar("S", bound=Sample)


def build_printed(
    templates: Sequence[tuple[DocumentClass, Callable[[random.Random, int], Any]]],
    family: str,
    per_class: int,
    seed: int,
    sample: Callable[..., S],
    **extra: Callable[[Any], object],
) -> list[S]:
    """``per_class`` documents of every class from a family's ``templates`` (in their fixed
    order: the order decides the draws), held out, family ``<class>:<family>``; each
    document's sheets become the sample's pages, boxes, rules and footers, and ``extra``
    names further fields read off the document (``turned=lambda doc: doc.turned``)."""
    rng = random.Random(seed)  # noqa: S311 - draws test documents, not secrets
    out: list[S] = []
    for cls, template in templates:
        for i in range(per_class):
            doc = template(rng, i)
            assert doc.truth.document_class is cls
            sheets = doc.sheets
            out.append(
                sample(
                    name=f"{cls.value}:{family}{i}",
                    family=f"{cls.value}:{family}",
                    held_out=True,
                    truth=doc.truth,
                    pages=tuple(list(s.rows) for s in sheets),
                    style=doc.style,
                    rects=tuple(tuple(s.rects) for s in sheets),
                    rules=tuple(tuple(s.rules) for s in sheets),
                    feet=tuple(s.foot for s in sheets),
                    **{name: read(doc) for name, read in extra.items()},
                )
            )
    return out
