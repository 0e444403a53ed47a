"""Round 53: value words Tesseract was unsure of, read again from the page (``unsure.py``).

A page is drawn here with made-up wording (a boatyard on an invented tarn) and read by the
real Tesseract. The first reading of a value word is then made unsure and wrong in the
ways print is misread (a slash read as I, a 0 as O, a figure lost), as the scans of the
development families show, and the extractor's last step (``_read_unsure``) must read the
word again from its box on the page: the printed value back, the box unchanged, all of a
page's unsure words in ONE further Tesseract run, and nothing read again when nothing is
unsure. The shape guard (a second reading that changes a letter into another letter, or a
currency sign, is not taken) is tested without Tesseract.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from cma_adapters.tesseract import TesseractTextExtractor
from cma_adapters.tesseract.unsure import UNSURE, _same_shape, unsure_values

DPI = 300
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
ROWS = [
    ("Mooring account", "KT/40718/QB"),
    ("Winter storage due", "£1,308.65"),
    ("Invoice date", "09/11/2027"),
    ("Slipway ticket", "W50S8102"),
]


def _font(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(SANS, size)
    except OSError:
        pytest.skip("DejaVu Sans is not installed")


def _page() -> bytes:
    image = Image.new("L", (2480, 3508), 255)
    pen = ImageDraw.Draw(image)
    body = _font(38)
    pen.text((200, 200), "Skelwith Tarn Boatyard", font=_font(52), fill=25)
    pen.text((200, 300), "The Hards, Threlkeld Staithe", font=body, fill=25)
    y = 700
    for label, value in ROWS:
        pen.text((200, y), label, font=body, fill=25)
        pen.text((1100, y), value, font=body, fill=25)
        y += 110
    pen.text((200, y + 80), "Please pay the yard before the spring launch.", font=body, fill=25)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


@pytest.fixture(scope="module")
def page() -> tuple[Image.Image, dict[str, list[Any]]]:
    data = _page()
    image = Image.open(io.BytesIO(data)).convert("L")
    return image, TesseractTextExtractor(max_concurrency=1)._tsv(1, data, DPI)


def _at(result: dict[str, list[Any]], text: str) -> int:
    return next(i for i, t in enumerate(result["text"]) if str(t).strip() == text)


def _unsure(result: dict[str, list[Any]], misread: dict[str, str]) -> dict[str, list[Any]]:
    """The first reading with some value words read wrong and unsure (confidence 20)."""
    out = {key: list(values) for key, values in result.items()}
    for printed, read in misread.items():
        i = _at(out, printed)
        out["text"][i], out["conf"][i] = read, 20.0
    return out


def _box(result: dict[str, list[Any]], i: int) -> tuple[int, int, int, int]:
    return tuple(int(result[k][i]) for k in ("left", "top", "width", "height"))  # type: ignore[return-value]


class _Counted(TesseractTextExtractor):
    runs = 0

    def _tsv(self, *args: Any, **kwargs: Any) -> dict[str, list[Any]]:
        type(self).runs += 1
        return super()._tsv(*args, **kwargs)


def test_the_first_reading_of_the_drawn_page_has_every_value(page: Any) -> None:
    # (the premise of the tests below: the words they make unsure are on the page)
    _, result = page
    for _, value in ROWS:
        assert _at(result, value) >= 0


def test_unsure_misread_value_words_are_read_again_from_their_boxes(page: Any) -> None:
    image, first = page
    misread = {"KT/40718/QB": "KTI40718IQB", "£1,308.65": "£1,3O8.65", "09/11/2027": "09/11/207"}
    result = _unsure(first, misread)
    _Counted.runs = 0
    again = _Counted(max_concurrency=1)._read_unsure(1, image, result)
    assert _Counted.runs == 1  # every unsure word of the page in one further run
    for printed in misread:
        i = _at(first, printed)
        assert again["text"][i] == printed
        assert float(again["conf"][i]) > 20.0 + 10
        assert _box(again, i) == _box(first, i)  # where the value was printed
    assert len(again["text"]) == len(first["text"])


def test_guard_nothing_unsure_costs_no_further_run(page: Any) -> None:
    image, first = page
    sure = {key: list(values) for key, values in first.items()}
    sure["conf"] = [max(float(c), UNSURE) if float(c) >= 0 else c for c in sure["conf"]]
    _Counted.runs = 0
    again = _Counted(max_concurrency=1)._read_unsure(1, image, sure)
    assert _Counted.runs == 0
    assert again == sure


def test_guard_a_sure_word_is_kept_as_read_even_if_wrong(page: Any) -> None:
    # Near miss: the same misreading, but Tesseract was sure of it: not read again.
    image, first = page
    result = _unsure(first, {"W50S8102": "W5OS8102"})
    i = _at(first, "W50S8102")
    result["conf"][i] = 91.0
    assert i not in unsure_values(result)
    again = TesseractTextExtractor(max_concurrency=1)._read_unsure(1, image, result)
    assert again["text"][i] == "W5OS8102"


def test_guard_words_without_a_figure_are_not_read_again(page: Any) -> None:
    _, first = page
    result = _unsure(first, {"Boatyard": "Boatyand"})
    assert _at(result, "Boatyand") not in unsure_values(result)


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ("KTI40718IQB", "KT/40718/QB", True),  # a slash read as I
        ("£1,3O8.65", "£1,308.65", True),  # O for 0
        ("09/11/207", "09/11/2027", True),  # a figure lost
        ("0,812.55", "1,312.55", False),  # a figure for a figure: both well formed
        ("4150", "150", False),  # nor a figure dropped
        ("-£8,692.43", "£8,692.43", True),  # a speck read as a dash
        ("£1,", "F1,", False),  # a currency sign is never a letter
        ("AB4018", "AR4018", False),  # a letter never becomes another letter
        ("AA/52528", "AAI52528", False),  # nor a slash a letter
        ("TS24 0UX", "TS24 OUX", False),  # nor a figure
        ("411.68", ".411.68", False),  # nor is a mark found
        ("4018", "40", False),  # not the word's length
        ("4018", "Tarn", False),  # no figure in it
        ("12/03/2027", "19/08/2021", False),  # more than a quarter changed
    ],
)
def test_a_second_reading_is_taken_only_when_it_keeps_the_word_s_shape(
    first: str, second: str, kept: bool
) -> None:
    assert _same_shape(first, second) is kept
