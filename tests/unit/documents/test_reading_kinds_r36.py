"""Kinds of reading added in round 36 of the reader (issue 14): what Tesseract makes of a value
that the reader read well on perfect text, found on fresh scans of read families (M, N, Q,
U, Z, AC, AD, AF, AG) and on the scans the OCR tests use. Each test is on wording and values
unlike every corpus family (the Orkney mainland: a boat lender, a harbour trust, a district
council made up for the test): the test checks the *kind* of OCR loss — specks after a name;
a space beside an amount's decimal point; a leader's speck read with a figure in it; groups
of figures with one space lost; a speck glued before a word of a letterhead; a figure
Tesseract boxed apart inside its word's box; a short date's points read as commas; a month's
first letter lost; a yen sign for a Y and an underscore glued to a reference; a space read
inside a reference printed whole elsewhere; a word of a name split in two; a row OCR left
without a cell — with guards where a near miss must still be refused. Each test failed on
the old reader (main's ``src``, an archive run against it), and the guards pass on both."""

from __future__ import annotations

import datetime as dt
import re

from tests.unit.documents.reading_support import one_page

from cma_adapters.rules_assistant.assistant import extract, find_creditor
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_adapters.rules_assistant.layout import find_label_hits, page_layout
from cma_adapters.rules_assistant.values import parse_date, parse_money, parse_reference
from cma_core.documents.model import Box, DocumentClass, Extraction, PageText, Word

C = DocumentClass
_H = 24  # a word's height in pixels, a character half of it wide

# (top, words): each word (left, text, confidence) or (left, text, confidence, width)
Row = tuple[int, list[tuple[int, str, float] | tuple[int, str, float, int]]]

_ADDRESSEE: list[Row] = [
    (400, [(200, "Ms", 0.95), (260, "Ingrid", 0.95), (420, "Halcrow", 0.95)]),
    (440, [(200, "7", 0.95), (230, "Quoyloo", 0.95), (420, "Road", 0.95)]),
    (480, [(200, "Finstown", 0.95)]),
    (520, [(200, "KW17", 0.95), (320, "2AB", 0.95)]),
]


def _flow(left: int, words: list[tuple[str, float]]) -> list[tuple[int, str, float]]:
    """Words of one line from ``left``, a space (14 pixels) between them."""
    out = []
    for text, confidence in words:
        out.append((left, text, confidence))
        left += len(text) * _H // 2 + 14
    return out


def _scanned(rows: list[Row]) -> PageText:
    """A page as OCR gives it: word boxes with Tesseract's confidences."""
    words = []
    for top, line in rows:
        for word in line:
            left, text, confidence = word[:3]
            width = word[3] if len(word) == 4 else len(text) * _H // 2  # type: ignore[misc]
            box = Box(left=left, top=top, width=width, height=_H)
            words.append(Word(text=text, box=box, confidence=confidence))
    text = "\n".join(" ".join(w[1] for w in line) for _, line in rows)
    return PageText(number=1, text=text, confidence=0.8, words=tuple(words), size=(2480, 3508))


def _read_scan(rows: list[Row], cls: DocumentClass) -> Extraction:
    page = _scanned(rows)
    return extract(page.text, [page], None, given=cls)


def _read(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


# -- names ------------------------------------------------------------------------------


def test_specks_after_a_name_on_its_own_line_are_no_part_of_it() -> None:
    """A name after "by the creditor:" on its own line, with a speck OCR read after it
    ("Quoyness Boat Finance Ltd ;"): the name without the speck. A name's own "&" and
    brackets stay."""
    text = (
        "This demand is served on you by the creditor:\n"
        "Quoyness Boat Finance Ltd ;\n"
        "Registered office: 4 Pier Road, Kirkwall\n"
    )
    assert find_creditor(text, C.STATUTORY_DEMAND) == "Quoyness Boat Finance Ltd"
    kept = "Served on you by the creditor:\nNess & Holm (Orkney) Ltd\n"
    assert find_creditor(kept, C.STATUTORY_DEMAND) == "Ness & Holm (Orkney) Ltd"


def test_a_colon_speck_glued_inside_a_letterhead_is_no_label() -> None:
    """A letterhead whose second word OCR read with a colon glued before it, unsure of it
    (":Vale", confidence 0.55): the council is named without the speck. The same word read
    with confidence keeps its colon, and the line is then no name."""

    def rows(confidence: float) -> list[Row]:
        return [
            (150, _flow(200, [("Quoyburn", 0.9), (":Vale", confidence), ("District", 0.95),
                              ("Council", 0.95)])),
            (200, _flow(200, [("Revenues", 0.95), ("Office,", 0.95), ("Kirkwall", 0.95)])),
            *_ADDRESSEE,
            (600, [(200, "2", 0.95), (240, "May", 0.95), (330, "2027", 0.95)]),
            (700, [(200, "Your", 0.95), (300, "instalments", 0.95), (580, "are", 0.95),
                   (660, "overdue.", 0.95)]),
        ]  # fmt: skip

    assert _read_scan(rows(0.55), C.COUNCIL_TAX).creditor_name == "Quoyburn Vale District Council"
    sure = _read_scan(rows(0.95), C.COUNCIL_TAX).creditor_name
    assert sure != "Quoyburn Vale District Council"


def test_a_word_of_a_name_split_by_a_space_is_the_word_the_page_prints_whole() -> None:
    """The letterhead's name with one word split in two, its tail in lower case ("Park
    side"), or split where OCR also lost a letter ("Pa kside"), the page printing the word
    whole in its footer: the whole word. Where the page never prints it whole, the name
    stays as read."""

    def rows(head: list[str], footer: bool = True) -> list[Row]:
        x, words = 200, []
        for w in head:
            words.append((x, w, 0.9))
            x += len(w) * _H // 2 + 14
        out: list[Row] = [(150, words), *_ADDRESSEE,
                          (600, [(200, "2", 0.95), (240, "May", 0.95), (330, "2027", 0.95)]),
                          (700, [(200, "Your", 0.95), (300, "rent", 0.95), (420, "is", 0.95),
                                 (480, "overdue.", 0.95)])]  # fmt: skip
        if footer:
            out.append(
                (3200, [(200, "Elmswood", 0.95), (420, "Parkside", 0.95), (640, "Council,", 0.95),
                        (860, "Town", 0.95), (990, "Hall", 0.95)])
            )  # fmt: skip
        return out

    split = _read_scan(rows(["Elmswood", "Park", "side", "Council"]), C.RENT_ARREARS)
    assert split.creditor_name == "Elmswood Parkside Council"
    lost = _read_scan(rows(["Elmswood", "Pa", "kside", "Council"]), C.RENT_ARREARS)
    assert lost.creditor_name == "Elmswood Parkside Council"
    alone = _read_scan(rows(["Elmswood", "Park", "side", "Council"], footer=False), C.RENT_ARREARS)
    assert alone.creditor_name != "Elmswood Parkside Council"


# -- amounts ----------------------------------------------------------------------------


def test_a_space_beside_an_amounts_decimal_point_is_no_end_of_it() -> None:
    """Amounts "£3208 .17" and "£12, 046. 17," are one amount each. A space after the point alone
    where words go on ("£300. 25 people") may be a sentence's end: pounds only."""
    assert parse_money("£3208 .17") == 320817
    assert parse_money("you owe £12, 046. 17, in full") == 1204617
    assert parse_money("The fee was £300. 25 people came.") == 30000


def test_a_leaders_speck_read_with_a_figure_is_passed_over_to_the_value() -> None:
    """A label, a dotted leader that OCR read as specks with a figure in one ("«4,",
    confidence 0.29), and the amount: the value right of the label is the amount. The same
    mark read with confidence (0.9) is a value of its own."""

    def right_of_label(confidence: float) -> list[str]:
        rows: list[Row] = [
            (800, [*_flow(200, [("Balance", 0.95), ("outstanding", 0.95)]),
                   (1000, "oe;", 0.06), (1200, "«4,", confidence), (1600, "£2,318.40", 0.0)]),
        ]  # fmt: skip
        hits = find_label_hits([page_layout(_scanned(rows))], re.compile("balance outstanding"))
        return [" ".join(w.text for w in h.words) for h in hits if h.place == "right"]

    assert right_of_label(0.29) == ["£2,318.40"]
    assert right_of_label(0.9) == ["«4,"]


# -- references -------------------------------------------------------------------------


def test_groups_of_figures_with_one_space_lost_are_one_reference() -> None:
    """Three or four groups of figures, the whole of their cell, one group of six or more
    figures where OCR lost a space: one reference. A telephone number's groups stay as
    they were read."""
    assert parse_reference("731 204 559018") == "731 204 559018"
    assert parse_reference("731204 559 018") == "731204 559 018"
    assert parse_reference("0185 687 3021") == "0185 687 3021"


def test_a_figure_boxed_inside_the_word_before_it_is_that_words_last() -> None:
    """A reference whose last figure Tesseract gave as a word of its own, boxed over the
    end of the reference ("QK40581" and "7"): one reference. The same figure a gap apart is
    another word."""

    def rows(left: int) -> list[Row]:
        return [
            (150, [(200, "Mossgiel", 0.95), (420, "Harbour", 0.95), (620, "Trust", 0.95)]),
            *_ADDRESSEE,
            (600, [(200, "2", 0.95), (240, "May", 0.95), (330, "2027", 0.95)]),
            (700, [(200, "Mooring", 0.95), (400, "account:", 0.95), (600, "QK40581", 0.75),
                   (left, "7", 0.75)]),
            (800, [(200, "Your", 0.95), (300, "fees", 0.95), (420, "are", 0.95),
                   (500, "unpaid.", 0.95)]),
        ]  # fmt: skip

    # "QK40581" spans 600-684; the "7" (12 wide) boxed at 672-684 is its last figure
    assert _read_scan(rows(672), C.CREDITOR_LETTER).account_reference == "QK405817"
    assert _read_scan(rows(700), C.CREDITOR_LETTER).account_reference == "QK40581"


def test_a_yen_sign_or_an_underscore_is_what_ocr_makes_of_a_references_y_or_rule() -> None:
    """A "¥" between a reference's figures and letters is a Y; an underscore glued to its
    start or end is a rule under it. A yen amount is no reference's letter, and an
    underscore inside a name stays."""
    assert parse_reference("Fine account: 40¥118273") == "40Y118273"
    assert parse_reference("_48/771205") == "48/771205"
    assert parse_reference("48/771205_") == "48/771205"
    assert parse_reference("¥118273") != "Y118273"


def test_a_reference_cut_by_a_space_reads_whole_where_the_page_prints_it_whole() -> None:
    """Reference "KQM-58 304" beside its label, "KQM-58304" in the body: the whole reference. Where
    the page never prints it joined, the reference is what stands before the space."""

    def page(body: str) -> list[tuple[Cell, ...]]:
        return [
            (Cell(0.08, "Mossgiel Harbour Trust", bold=True),),
            (Cell(0.08, "Ms Ingrid Halcrow"),),
            (Cell(0.08, "7 Quoyloo Road, Finstown"),),
            (Cell(0.08, "2 May 2027"),),
            (Cell(0.1, "Mooring account"), Cell(0.5, "KQM-58 304")),
            (Cell(0.1, "Fees unpaid"), Cell(0.5, "£1,402.66")),
            (Cell(0.08, body),),
        ]

    whole = _read(page("We wrote to you about KQM-58304 in March."), C.CREDITOR_LETTER)
    assert whole.account_reference == "KQM-58304"
    cut = _read(page("We wrote to you about this in March."), C.CREDITOR_LETTER)
    assert cut.account_reference == "KQM-58"
    # (the run after the space going on in groups, "4410-552 107-31", likewise)
    grouped = [
        (Cell(0.08, "Mossgiel Harbour Trust", bold=True),),
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "Mooring account"), Cell(0.5, "4410-552 107-31")),
        (Cell(0.08, "We wrote to you about 4410-552107-31 in March."),),
    ]
    assert _read(grouped, C.CREDITOR_LETTER).account_reference == "4410-552107-31"


# -- dates ------------------------------------------------------------------------------


def test_a_short_dates_points_read_as_commas_alone_in_its_cell() -> None:
    """A date "7,9,26" alone in its cell is 7 September 2026; figures with commas in a sentence
    ("items 4,5,10 were sent") are no date."""
    assert parse_date("7,9,26") == dt.date(2026, 9, 7)
    assert parse_date("17,10,2026.") == dt.date(2026, 10, 17)
    assert parse_date("items 4,5,10 were sent") is None


def test_a_months_first_letter_lost_between_a_dates_figures() -> None:
    """Dates "07/ep/2026" (its S lost) and "14-]un-2027" (its J read as a bracket) are dates;
    two letters that end no month are none."""
    assert parse_date("07/ep/2026") == dt.date(2026, 9, 7)
    assert parse_date("14-]un-2027") == dt.date(2027, 6, 14)
    assert parse_date("07/xy/2026") is None


# -- layout -----------------------------------------------------------------------------


def test_a_row_ocr_left_without_a_cell_does_not_stop_the_reading() -> None:
    """Below a row of three headings, a row of values and then a row whose words were all
    specks (two bars far apart, no cell left): the document is read, not refused."""
    rows: list[Row] = [
        (150, [(200, "Mossgiel", 0.95), (420, "Harbour", 0.95), (620, "Trust", 0.95)]),
        *_ADDRESSEE,
        (600, [(200, "2", 0.95), (240, "May", 0.95), (330, "2027", 0.95)]),
        (700, [(200, "Account", 0.95), (380, "number", 0.95), (1000, "Berth", 0.95),
               (1600, "Status", 0.95)]),
        (740, [(200, "40221987", 0.95), (1000, "B12", 0.95), (1600, "Open", 0.95)]),
        (780, [(200, "|", 0.4), (1300, "|", 0.4)]),
        (840, [(200, "Your", 0.95), (300, "fees", 0.95), (420, "are", 0.95),
               (500, "unpaid.", 0.95)]),
    ]  # fmt: skip
    assert _read_scan(rows, C.CREDITOR_LETTER).account_reference == "40221987"


def test_a_pound_sign_read_as_a_five_where_the_page_prints_the_amount_with_it() -> None:
    """Beside its label "53,106.42", the body saying "£3,106.42": the "5" was the "£".
    Where the page never prints the amount with its "£", a leading 5 is a figure."""

    def page(body: str) -> list[tuple[Cell, ...]]:
        return [
            (Cell(0.08, "Mossgiel Harbour Trust", bold=True),),
            (Cell(0.08, "Ms Ingrid Halcrow"),),
            (Cell(0.08, "7 Quoyloo Road, Finstown"),),
            (Cell(0.08, "2 May 2027"),),
            (Cell(0.1, "Mooring account"), Cell(0.5, "QKM-58304")),
            (Cell(0.1, "Fees unpaid to this week"), Cell(0.5, "53,106.42")),
            (Cell(0.08, body),),
        ]

    said = _read(page("Your fees of £3,106.42 are unpaid."), C.CREDITOR_LETTER)
    assert said.balance_pence == 310642
    alone = _read(page("Your fees are unpaid."), C.CREDITOR_LETTER)
    assert alone.balance_pence == 5310642


def test_a_slash_read_as_a_letter_where_the_page_prints_the_reference_with_it() -> None:
    """Beside its label "KWRI550217", the body quoting "KWR/550217": the I was the slash.
    Where the page never prints the slash, the reference stays as read."""

    def page(body: str) -> list[tuple[Cell, ...]]:
        return [
            (Cell(0.08, "Mossgiel Harbour Trust", bold=True),),
            (Cell(0.08, "2 May 2027"),),
            (Cell(0.1, "Mooring account"), Cell(0.5, "KWRI550217")),
            (Cell(0.1, "Fees unpaid"), Cell(0.5, "£1,402.66")),
            (Cell(0.08, body),),
        ]

    quoted = _read(page("We wrote to you about KWR/550217 in March."), C.CREDITOR_LETTER)
    assert quoted.account_reference == "KWR/550217"
    alone = _read(page("We wrote to you about this in March."), C.CREDITOR_LETTER)
    assert alone.account_reference == "KWRI550217"
