"""Kinds of reading added in round 30 of the reader (issue 14), from the misses of AF, each
on wording and layouts unlike every corpus family (Orkney: a Stromness chandlery, Kirkwall
harbour moorings, an island ferry company, a Hoy housing trust): the test checks the *kind*
of rule — a table that sets each figure beside what it was at an earlier time ("Last
statement | This statement") reads the figure now; a third column explaining each figure
("Mark this date in your diary.") is no label of the figure on its left; a claim's number
named after "of" ("Number of your claim at court") is the claim number, and papers "taken
as served on" a date, or served on "Tue 2027-05-11", are served then; a lettered reference
that ends its sentence ("HSC 4471902.") keeps its letters; and, after OCR, a sentence in
large type that runs on to the next line ("… up to | date by …") is one sentence, a date
given only as the day to pay by is not the letter's date, a whole number of pounds whose
decimal point OCR lost ("£61250") reads the amount printed with its point elsewhere, how
often is said of an amount paid "into your bank account once every four weeks", and what a
bill or invoice "comes to" is what it asks — not a family's phrase.
Perfect text (exact word boxes) or pages of made-up word boxes. Each test failed on the old
reader (main's ``src`` at 65b6f97, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import one_page
from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, sample_pages
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import parse_reference, point_lost
from cma_core.documents.model import Box, Extraction, PageText, Word

_ADDRESSEE = (
    (Cell(0.08, "Mr Magnus Flett"),),
    (Cell(0.08, "7 Ness Road"),),
    (Cell(0.08, "Stromness"),),
    (Cell(0.08, "KW16 3DA"),),
)


def _rows(page: list[tuple[Cell, ...]]) -> list[list[str]]:
    layout = page_layout(sample_pages(one_page(page))[0])
    return [[c.text for c in row] for row in layout.rows]


def _words_page(lines: list[tuple[int, int, int, str]]) -> PageText:
    """A page of word boxes: each line (top, height, left, text), a word's width half its
    height a character, a space between words."""
    words = []
    for top, height, left, text in lines:
        x = left
        for token in text.split():
            width = len(token) * height // 2
            words.append(Word(text=token, box=Box(left=x, top=top, width=width, height=height)))
            x += width + height // 2
    text = "\n".join(t for _, _, _, t in lines)
    return PageText(number=1, text=text, confidence=0.9, words=tuple(words), size=(1240, 1754))


def _read_words(lines: list[tuple[int, int, int, str]]) -> Extraction:
    page = _words_page(lines)
    return extract(page.text, [page], classifier.shipped())


# -- then and now -----------------------------------------------------------------------------


def test_a_then_and_now_table_reads_the_figures_now() -> None:
    """A moorings account set beside the last statement's figures: the column headed for
    this statement is the account now; the last statement's column is history."""
    page = [
        (Cell(0.08, "Kirkwall Harbour Moorings", bold=True),),
        (Cell(0.08, "Harbour Street, Kirkwall KW15 1LE"),),
        *_ADDRESSEE,
        (Cell(0.08, "Your mooring account", bold=True),),
        (Cell(0.45, "Last statement"), Cell(0.7, "This statement")),
        (Cell(0.1, "Statement of"), Cell(0.45, "02.03.2027"), Cell(0.7, "06.04.2027")),
        (Cell(0.1, "Mooring account"), Cell(0.45, "KHM-22817"), Cell(0.7, "KHM-22817")),
        (Cell(0.1, "Dues left unpaid"), Cell(0.45, "£310.40"), Cell(0.7, "£402.75")),
        (Cell(0.1, "Clear the dues by"), Cell(0.45, "16.03.2027"), Cell(0.7, "20.04.2027")),
        (Cell(0.08, "Dear Mr Flett, your mooring dues are in arrears. Please pay what you"),),
        (Cell(0.08, "owe or call us to agree payments, or we may take court action."),),
    ]  # fmt: skip
    read = _read(page)
    assert read.balance_pence == 40275
    assert read.deadline_date == dt.date(2027, 4, 20)
    _columns_of_no_earlier_time_stay()


def _columns_of_no_earlier_time_stay() -> None:
    """Guards: two columns headed by anything but an earlier time and now ("Summer |
    Winter") both stay; a line of prose under a then-and-now heading keeps its words; the
    table ends where its rows do (the line after it is whole)."""
    rows = _rows(
        [
            (Cell(0.45, "Summer"), Cell(0.7, "Winter")),
            (Cell(0.1, "Berth, a month"), Cell(0.45, "£40.00"), Cell(0.7, "£55.00")),
        ]
    )
    assert rows[1] == ["Berth, a month", "£40.00", "£55.00"]
    rows = _rows(
        [
            (Cell(0.45, "Previously"), Cell(0.7, "Now")),
            (Cell(0.1, "Ferry fare"), Cell(0.45, "£18.00"), Cell(0.7, "£21.50")),
            (Cell(0.08, "Fares rose on 1 April 2027 by £3.50 for each adult return trip"),),
        ]
    )
    assert rows[0] == ["Now"]
    assert rows[1] == ["Ferry fare", "£21.50"]
    assert rows[2] == ["Fares rose on 1 April 2027 by £3.50 for each adult return trip"]


# -- a column explaining each figure ----------------------------------------------------------


def test_a_column_explaining_each_figure_is_no_label() -> None:
    """A housing trust's notice in three columns, "What | Figure | Note": the note beside
    the date to pay by ("Mark this date in your diary.") is no label of it."""
    page = [
        (Cell(0.08, "Hoy and Walls Housing Trust", bold=True),),
        (Cell(0.08, "Longhope, Hoy KW16 3PQ"),),
        *_ADDRESSEE,
        (Cell(0.08, "Notice of rent arrears", bold=True),),
        (Cell(0.1, "What"), Cell(0.38, "Figure"), Cell(0.6, "Note")),
        (Cell(0.1, "Notice sent on"), Cell(0.38, "3 May 2027"),
         Cell(0.6, "Count the days from here.")),
        (Cell(0.1, "Tenancy no."), Cell(0.38, "HWHT/5512"), Cell(0.6, "Give it when you call.")),
        (Cell(0.1, "Rent arrears"), Cell(0.38, "£744.10"), Cell(0.6, "As at the date we wrote.")),
        (Cell(0.1, "Pay the arrears by"), Cell(0.38, "17 May 2027"),
         Cell(0.6, "Mark this date in your diary.")),
        (Cell(0.08, "Dear Mr Flett, your rent account is in arrears. Please pay or call us."),),
    ]  # fmt: skip
    read = _read(page)
    assert read.letter_date == dt.date(2027, 5, 3)
    assert read.deadline_date == dt.date(2027, 5, 17)
    # (guard: a value printed before its label, the label last on its row, is still read)
    rows = [
        (Cell(0.08, "Scapa Flow Energy Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "9 June 2027"), Cell(0.4, "date of this bill")),
        (Cell(0.1, "Your energy bill is £96.30. Please pay it."),),
    ]
    assert _read(rows).letter_date == dt.date(2027, 6, 9)


# -- a claim's number named after "of"; served as papers "taken as served" ----------------------


def test_the_number_of_the_claim_is_the_claim_number() -> None:
    page = [
        (Cell(0.08, "County Court at Kirkwall", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Number of your claim at court"), Cell(0.5, "4RK27S19")),
        (Cell(0.1, "Claimant"), Cell(0.5, "Stromness Ferry Company Ltd")),
        (Cell(0.1, "Amount claimed"), Cell(0.5, "£2,310.55")),
        (Cell(0.1, "Papers taken as served on"), Cell(0.5, "11 May 2027")),
        (Cell(0.08, "A claim has been issued against you. Reply within 14 days."),),
    ]
    read = _read(page)
    assert read.court_claim_number == "4RK27S19"
    assert read.served_date == dt.date(2027, 5, 11)
    # (guard: the number of a claimant's account is no claim number)
    page[5] = (Cell(0.1, "Number of the claimant's account"), Cell(0.5, "SFC 66120"))
    assert _read(page).court_claim_number is None


def test_served_on_a_weekday_cut_short() -> None:
    page = [
        (Cell(0.08, "County Court at Kirkwall", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Claim no."), Cell(0.5, "4RK27S19")),
        (Cell(0.1, "Claimant"), Cell(0.5, "Stromness Ferry Company Ltd")),
        (Cell(0.1, "Amount claimed"), Cell(0.5, "£2,310.55")),
        (Cell(0.08, "The claim form is deemed served on Tue 2027-05-11. Reply within 14 days."),),
    ]
    assert _read(page).served_date == dt.date(2027, 5, 11)


# -- a lettered reference ending its sentence ---------------------------------------------------


def test_a_lettered_reference_ending_its_sentence_keeps_its_letters() -> None:
    assert parse_reference("HSC 4471902. Arrears £80.00.") == "HSC 4471902"
    assert parse_reference("HSC 4471902.") == "HSC 4471902"
    # (guards: figures after the point are an amount's, no sentence's end; a label's word
    # is no reference's letters)
    assert parse_reference("HSC 44719.02") != "HSC 44719"
    assert parse_reference("TEL 01856 850011.") != "TEL 01856"


# -- after OCR: a sentence in large type running on ---------------------------------------------


def test_a_sentence_in_large_type_runs_on_across_its_wide_line_gap() -> None:
    """A headline in large bold type wraps "… up to | date by 20 April 2027.": the "date"
    that opens its second line ends "up to date", no label of the letter's date."""
    body, big = 15, 30
    read = _read_words(
        [
            (90, body, 700, "Stromness Chandlery Ltd"),
            (130, body, 700, "Victoria Street, Stromness KW16 3BS"),
            (200, body, 100, "Mr Magnus Flett"),
            (230, body, 100, "7 Ness Road, Stromness KW16 3DA"),
            (300, body, 900, "6 April 2027"),
            (380, big, 100, "Trade account: HSC-4471. Unpaid £402.75. Bring it up to"),
            (452, big, 100, "date by 20 April 2027."),
            (560, body, 100, "Dear Mr Flett,"),
            (600, body, 100, "Your trade account is in arrears: you owe the sum above."),
            (640, body, 100, "Please pay it or call us, or we may pass it to a collection agency."),
            (680, body, 100, "Yours sincerely, Accounts"),
        ]
    )
    assert read.letter_date == dt.date(2027, 4, 6)
    assert read.deadline_date == dt.date(2027, 4, 20)


# -- after OCR: the only date given is the one to pay by ----------------------------------------


def test_the_day_to_pay_by_is_not_the_letters_date() -> None:
    """The letter's own date lost (a box OCR read as nothing): the one date left, the day a
    sentence says to pay by, stays the deadline and is not the letter's date."""
    page = [
        (Cell(0.08, "Stromness Chandlery Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your trade account"),),
        (Cell(0.08, "Dear Mr Flett, your trade account is £402.75 in arrears, and we ask you to"),),
        (Cell(0.08, "pay the whole of it to us by 20 April 2027, or call us to agree payments."),),
    ]  # fmt: skip
    read = _read(page)
    assert read.deadline_date == dt.date(2027, 4, 20)
    assert read.letter_date is None


# -- after OCR: a decimal point lost ------------------------------------------------------------


def test_an_amount_whose_point_ocr_lost_reads_the_pointed_one() -> None:
    page = [
        (Cell(0.08, "Orkney Islands Council", bold=True),),
        (Cell(0.08, "School Place, Kirkwall KW15 1NY"),),
        *_ADDRESSEE,
        (Cell(0.08, "Your Carer Support Grant award", bold=True),),
        (Cell(0.08, "Award date"), Cell(0.4, "6 April 2027")),
        (Cell(0.08, "Each payment to you"), Cell(0.4, "£61250")),
        (Cell(0.08, "The council pays £612.50 into your bank account every month."),),
    ]
    assert _read(page).income_pence == 61250
    # (guards: no pointed amount of those figures, or the same figures without a point
    # printed twice over: as read)
    assert point_lost("£61250", "Each payment £61250 and a grant of £1,612.50") is None
    assert point_lost("£1200", "£1200 now, £1200 later and £12.00 a week") is None
    assert point_lost("£61250", "£61250 . We will pay you £612.50") == 61250


# -- after OCR: how often, said of an amount paid into an account -------------------------------


def test_how_often_said_of_an_amount_paid_into_an_account() -> None:
    page = [
        (Cell(0.08, "Orkney Islands Council", bold=True),),
        (Cell(0.08, "School Place, Kirkwall KW15 1NY"),),
        *_ADDRESSEE,
        (Cell(0.08, "Your Carer Support Grant award", bold=True),),
        (Cell(0.08, "Award date"), Cell(0.4, "6 April 2027")),
        (Cell(0.08, "Each payment to you"), Cell(0.4, "£612.50")),
        (Cell(0.08, "We will pay £612.50 into your bank account once every four weeks."),),
    ]
    assert _read(page).frequency == "four_weekly"
    # (guard: a time to act is no frequency)
    page[-1] = (Cell(0.08, "We will pay £612.50 into your bank account within a month."),)
    assert _read(page).frequency is None


# -- what a bill comes to ---------------------------------------------------------------------


def test_what_a_bill_comes_to_is_what_it_asks() -> None:
    page = [
        (Cell(0.08, "Scapa Flow Energy Ltd", bold=True),),
        (Cell(0.08, "Scapa Pier, Kirkwall KW15 1SD"),),
        *_ADDRESSEE,
        (Cell(0.08, "9 June 2027"),),
        (Cell(0.08, "Your electricity bill", bold=True),),
        (Cell(0.08, "Supply no.: SFE 81124093. This invoice comes to £84.16, with VAT."),),
        (Cell(0.08, "This bill is for the electricity used since your last reading."),),
        (Cell(0.08, "Please pay it by 23 June 2027."),),
    ]
    assert _read(page).balance_pence == 8416
