"""Kinds of reading added in round 31 of the reader (issue 14), from the misses of AD, each
on wording and layouts unlike every corpus family (the Channel Islands: an Alderney
saddlery, a Sark carriage firm, a riding school at St Anne, the island's rates office):
the test checks the *kind* of rule — an award that signposts free advice about debt ("…
lenders must pause any step to recover what they are owed") tells of no overpayment; a
firm's name with a word cut short ("Co.", "Bros.") is no sentence; a payslip dated by the
day its pay was made, credited or sent ("Wages credited on") is dated so, where the pay
period's end is printed first; a label closed by a full stop in place of a colon, its amount
alone after it ("Amount the school asks you for. £612.40"), is a label; and, after OCR, a
letterhead line split in two rows by a page curling off the glass (the right-hand desk read
a row above the name at the left) is one line, read from the left; a reference whose first
capitals OCR parted from the rest by a space ("KW R5512084") keeps them; and what was
served, then "deemed served on", is a served label (from AI's OCR sample) — not a family's
phrase. Perfect text (exact word boxes) or pages of made-up word boxes. Each test failed on
the old reader (main's ``src`` at f7469ec, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract, refine_class
from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import parse_name, parse_reference
from cma_core.documents.model import Box, DocumentClass, Extraction, PageText, Word

C = DocumentClass
_ADDRESSEE = (
    (Cell(0.08, "Ms Ysolde Le Cocq"),),
    (Cell(0.08, "3 Rue de Braye"),),
    (Cell(0.08, "St Anne, Alderney"),),
    (Cell(0.08, "GY9 3XT"),),
)


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


# -- an award that signposts advice about debt --------------------------------------------------


_AWARD = (
    "States of Alderney, Social Security. Dear Ms Le Cocq, we have worked out that you are "
    "entitled to a rent rebate of £14.20 a week from 3 May 2027. We will pay it into your "
    "bank account each week. "
)
_SIGNPOST = (
    "Money worries? Impartial, free help is there from any money adviser: under the debt "
    "respite scheme lenders must pause any step to recover what they are owed."
)


def test_an_award_that_signposts_debt_advice_tells_of_no_overpayment() -> None:
    """Read as an overpayment by the word model, an award whose only word of recovering a
    debt is in its sentence of where to get free advice is an award."""
    assert refine_class(C.OVERPAYMENT, {}, _AWARD + _SIGNPOST) is C.BENEFIT_AWARD
    # (guards: an overpayment said in the letter's own words stays one, signposting or not)
    own = "We paid you too much: the overpayment of £85.20 will be recovered from your rebate. "
    assert refine_class(C.OVERPAYMENT, {}, _AWARD + own + _SIGNPOST) is C.OVERPAYMENT
    recover = "We will recover £85.20 from your rebate. "
    assert refine_class(C.OVERPAYMENT, {}, _AWARD + recover + _SIGNPOST) is C.OVERPAYMENT


# -- a firm's name with a word cut short ----------------------------------------------------------


def test_a_firm_name_with_a_word_cut_short_is_no_sentence() -> None:
    assert parse_name("Braye Saddlery Co. Ltd") == "Braye Saddlery Co. Ltd"
    assert parse_name("Le Cocq Bros. Limited") == "Le Cocq Bros. Limited"
    # (guard: a name and a sentence after it is still words around a name)
    assert parse_name("Please pay Braye Saddlery Ltd. Your account is overdue") is None


def test_a_payslip_from_a_firm_whose_name_has_a_word_cut_short() -> None:
    page = [
        (Cell(0.08, "Braye Saddlery Co. Ltd", bold=True), Cell(0.6, "Wages office, Braye")),
        (Cell(0.08, "Alderney GY9 3XA"),),
        (Cell(0.08, "Pay advice for Ms Ysolde Le Cocq"),),
        (Cell(0.1, "Pay date"), Cell(0.5, "28/04/2027")),
        (Cell(0.1, "Gross pay"), Cell(0.5, "£1,402.00")),
        (Cell(0.1, "Income tax"), Cell(0.5, "£112.40")),
        (Cell(0.1, "Net pay"), Cell(0.5, "£1,289.60")),
        (Cell(0.1, "Paid"), Cell(0.5, "Monthly")),
    ]
    assert _read(page).payer_name == "Braye Saddlery Co. Ltd"


# -- the day the pay was made, credited or sent ---------------------------------------------------


def test_the_day_the_pay_was_credited_dates_a_payslip() -> None:
    page = [
        (Cell(0.08, "Sark Carriage Rides Ltd", bold=True),),
        (Cell(0.08, "La Seigneurie, Sark GY10 1SF"),),
        (Cell(0.08, "Pay advice for Ms Ysolde Le Cocq"),),
        (Cell(0.1, "Period to"), Cell(0.5, "30 April 2027")),
        (Cell(0.1, "Wages credited on"), Cell(0.5, "26 April 2027")),
        (Cell(0.1, "Gross pay"), Cell(0.5, "£1,118.00")),
        (Cell(0.1, "Income tax"), Cell(0.5, "£80.20")),
        (Cell(0.1, "Net pay"), Cell(0.5, "£1,037.80")),
        (Cell(0.1, "Paid"), Cell(0.5, "Monthly")),
    ]
    assert _read(page).letter_date == dt.date(2027, 4, 26)
    # (guard: on a creditor's letter a payment made on a day is the account's history)
    letter = [
        (Cell(0.08, "Sark Carriage Rides Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date of this letter"), Cell(0.5, "12 May 2027")),
        (Cell(0.1, "Your last payment made on"), Cell(0.5, "2 February 2027")),
        (Cell(0.1, "Hire account"), Cell(0.5, "SCR-40719")),
        (Cell(0.1, "Balance owed"), Cell(0.5, "£355.00")),
        (Cell(0.08, "Your account is in arrears. Please pay what you owe."),),
    ]
    assert _read(letter).letter_date == dt.date(2027, 5, 12)


# -- a label closed by a full stop -------------------------------------------------------------


def test_a_label_closed_by_a_full_stop_reads_its_amount() -> None:
    page = [
        (Cell(0.08, "Kingfisher and Byrne Solicitors LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Letter before claim", bold=True),),
        (Cell(0.08, "We act for St Anne Riding School Ltd, who taught your daughter to ride."),),
        (Cell(0.1, "Written on. 4 June 2027"),),
        (Cell(0.1, "Amount the school asks you for. £612.40"),),
        (Cell(0.08, "Please reply within 30 days or our client may go to court."),),
    ]
    assert _read(page).balance_pence == 61240
    # (after OCR the full stop read as a comma, and the amount's point too)
    page[7] = (Cell(0.1, "Amount the school asks you for, £612,40"),)
    assert _read(page).balance_pence == 61240


# -- after OCR: a letterhead line split by a curled page --------------------------------------


def test_a_letterhead_line_split_by_a_curling_page_is_read_from_the_left() -> None:
    """The right-hand end of the letterhead's first line (the desk and its street) lifted
    by the curl and read a row above the name printed at the left in large type."""
    body, big = 14, 30
    read = _read_words(
        [
            (80, body, 820, "Housing Office, Rue Victoria"),
            (86, big, 80, "Alderney Housing Association"),
            (130, body, 820, "St Anne GY9 3AA"),
            (200, body, 80, "Ms Ysolde Le Cocq"),
            (220, body, 80, "3 Rue de Braye"),
            (240, body, 80, "GY9 3XT"),
            (300, body, 80, "Rent account AHA-22871"),
            (330, body, 80, "Dear Ms Le Cocq, your rent account is in arrears of £488.16."),
            (350, body, 80, "Please pay the arrears or call us to agree a plan by 30 June 2027."),
        ]
    )
    assert read.creditor_name == "Alderney Housing Association"
    from cma_adapters.rules_assistant.structures import printed_lines  # (new in round 31)

    # (guards: two small lines at the right beside a name in large type stay two lines, the
    # first beside the name; a line below the name, under it, is a line of its own)
    layout = page_layout(
        _words_page(
            [
                (80, big, 80, "Alderney Housing Association"),
                (82, body, 820, "Housing Office"),
                (100, body, 820, "Rue Victoria"),
                (130, body, 80, "St Anne GY9 3AA"),
            ]
        )
    )
    lines = [(line, cell.text) for line, _, _, cell in printed_lines(layout, 4)]
    assert lines == [
        (0, "Alderney Housing Association"),
        (0, "Housing Office"),
        (1, "Rue Victoria"),
        (2, "St Anne GY9 3AA"),
    ]


# -- after OCR: a reference's first capitals parted by a space ---------------------------------


def test_a_references_first_capitals_parted_by_ocr_are_kept() -> None:
    assert parse_reference("KW R5512084") == "KWR5512084"
    assert parse_reference("Hire no.: SCR G4071944") == "SCRG4071944"
    # (guards: a label's word is no reference's letters; a number of figures alone keeps its
    # own shape)
    assert parse_reference("TEL D1234567") == "D1234567"
    assert parse_reference("AB 12345678") == "AB 12345678"


# -- what was served, then "deemed served on" ---------------------------------------------------


def test_what_was_served_then_deemed_served_on() -> None:
    """From AI's OCR sample (a read family), lost with models .32: the label names the paper
    and says it is served in law ("Simple claim deemed served on")."""
    page = [
        (Cell(0.08, "County Court at Guernsey Road", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Claim no."), Cell(0.5, "7GY31K04")),
        (Cell(0.1, "Claimant"), Cell(0.5, "Braye Saddlery Co. Ltd")),
        (Cell(0.1, "Amount claimed"), Cell(0.5, "£1,906.30")),
        (Cell(0.1, "Simple claim deemed served on:"), Cell(0.5, "11 May 2027")),
        (Cell(0.1, "The court must have your reply by:"), Cell(0.5, "25 May 2027")),
        (Cell(0.08, "A claim has been issued against you. Reply within 14 days."),),
    ]
    assert _read(page).served_date == dt.date(2027, 5, 11)
