"""Kinds of reading added in round 25 of the reader (issue 14), from the misses of AC, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
date whose year, month and day run together in eight figures ("20270309"); a reference of
a pair, a long group and a pair ("47 2208913 06"); a key-facts column whose labels sit over
their values, one of them long ("Total with interest and the court fee"); a party's role
in the possessive before a number ("Lender's agreement no."), which labels the number; a
pay envelope's grid of boxes, each value under its own heading ("Paid weekly" is a value,
not the label of the figure beside it); a total that says what it includes ("with the court
fee"); and, after OCR, a day glued to the month's name ("14apr 2027"), a space read inside a
reference ("KLD72 440913"), a comma read before a firm's legal form ("X Finance, Ltd") and a
second pence figure lost at a box's edge ("£318.4" where the page prints "£318.46") — not a
family's phrase. Perfect text (exact word boxes) unless said."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import (
    parse_date,
    parse_money,
    parse_name,
    parse_reference,
    pence_cut,
)
from cma_core.documents.model import DocumentClass

C = DocumentClass


_ADDRESSEE = (
    (Cell(0.08, "Ms Elowen Brackenridge"),),
    (Cell(0.08, "7 Quarry Tump"),),
    (Cell(0.08, "Ledbury"),),
    (Cell(0.08, "HR8 2QT"),),
)


# -- a date run together in eight figures ---------------------------------------------------------


def test_a_date_whose_year_month_and_day_run_together() -> None:
    """ "20270309": ISO 8601's basic form; eight figures that are no date stay a number."""
    assert parse_date("Issued 20270309 by the system") == dt.date(2027, 3, 9)
    assert parse_date("pay by 20271130.") == dt.date(2027, 11, 30)
    # (guards: no thirteenth month, no thirty-second day, not inside a longer number)
    assert parse_date("20271399") is None
    assert parse_date("20270732") is None
    assert parse_date("120270309") is None
    assert parse_reference("Customer no. 20274512") == "20274512"


def test_a_letter_dated_in_eight_figures_and_its_deadline() -> None:
    page = [
        (Cell(0.08, "Marcle Ridge Cider Presses Ltd", bold=True), Cell(0.6, "Orchard Works")),
        (Cell(0.08, "Much Marcle HR8 2NX"),),
        *_ADDRESSEE,
        (Cell(0.08, "Printed on"), Cell(0.3, "20270309")),
        (Cell(0.08, "Press hire account"), Cell(0.3, "MRC-40817")),
        (Cell(0.08, "Dear Ms Brackenridge"),),
        (Cell(0.08, "Your account is in arrears: the hire of our press last autumn is unpaid."),),
        (Cell(0.08, "The outstanding balance is £1,482.90. Please pay it in full by 20270323."),),
        (Cell(0.08, "If you do not pay, we may pass the debt to a collection agency."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Marcle Ridge Cider Presses Ltd"),),
    ]
    read = _read(page)
    assert read.letter_date == dt.date(2027, 3, 9)
    assert read.deadline_date == dt.date(2027, 3, 23)


# -- a reference of a pair, a long group and a pair ------------------------------------------------


def test_a_reference_of_a_pair_a_long_group_and_a_pair() -> None:
    """ "47 2208913 06" (a roll number's shape) is one reference, not its middle group;
    a form's boxed date of pairs and a year stays a date."""
    assert parse_reference("47 2208913 06") == "47 2208913 06"
    assert parse_reference("Roll no. 03 55102 91  Branch 4") == "03 55102 91"
    # (guards: a boxed date is no reference; a pair and a group inside a sentence keep the
    # old reading)
    assert parse_reference("04 12 2027") is None
    assert parse_date("04 12 2027") == dt.date(2027, 12, 4)


# -- a column of labels over their values, one label long -----------------------------------------


def test_a_long_label_over_its_value_leaves_the_next_label_its_own() -> None:
    """A box of key facts down the right, each label over its value; one label runs to
    seven words. The party's label under that value reads the name below it, not the
    amount above."""
    page = [
        (Cell(0.05, "County Court at Hereford", bold=True), Cell(0.62, "Bath Street")),
        (Cell(0.05, "Ms Elowen Brackenridge"), Cell(0.62, "At a glance")),
        (Cell(0.05, "7 Quarry Tump"),),
        (Cell(0.05, "Ledbury"), Cell(0.62, "Date of issue")),
        (Cell(0.05, "HR8 2QT"), Cell(0.62, "12 March 2027")),
        (Cell(0.62, "Claim no."),),
        (Cell(0.05, "A claim has been issued against you"), Cell(0.62, "K7QW30T2")),
        (Cell(0.62, "Total with interest and the court fee"),),
        (Cell(0.05, "Dear Ms Brackenridge,"), Cell(0.62, "£3,905.12")),
        (Cell(0.62, "Claimant"),),
        (
            Cell(0.05, "The claimant says you owe it money."),
            Cell(0.62, "Wye Gorge Canoe Finance Ltd"),
        ),
        (Cell(0.05, "Reply to the court within 14 days."), Cell(0.62, "Claimant's ref.")),
        (Cell(0.62, "WGC-118204"),),
        (Cell(0.05, "Court Office"),),
    ]
    assert _read(page).creditor_name == "Wye Gorge Canoe Finance Ltd"


def test_a_name_over_a_strip_of_values_over_labels_is_no_label() -> None:
    """(guard) A letterhead's name of six words in capitals over a strip printed value
    first, label under it: the strip still reads upward (a long label over a value must be
    worded as a label, not a name)."""
    page = [
        (Cell(0.08, "Kington Hill Cider & Perry Ltd", bold=True),),
        (Cell(0.08, "472 118 903 551"), Cell(0.45, "2027-03-04"), Cell(0.72, "Cider")),
        (Cell(0.08, "Account number"), Cell(0.45, "Letter date"), Cell(0.72, "Supply")),
        (),
        (),
        *_ADDRESSEE,
        (Cell(0.08, "Dear Ms Brackenridge,"),),
        (Cell(0.08, "Your account is £1,204.50 in arrears. Please pay it by 18 March 2027."),),
        (Cell(0.08, "Yours sincerely"),),
    ]
    assert _read(page).account_reference == "472 118 903 551"


# -- a party's role in the possessive before a number ---------------------------------------------


def test_a_party_s_number_label_does_not_name_the_party() -> None:
    """ "Lender's agreement no.: X" with the writer's name beside it: the label is the
    number's; the lender is the one the particulars say the writer acts for."""
    page = [
        (Cell(0.08, "Pengethley Parry Solicitors LLP", bold=True), Cell(0.6, "Broad Street")),
        (Cell(0.08, "Ross-on-Wye HR9 7EA"),),
        *_ADDRESSEE,
        (
            Cell(0.08, "Lender's agreement no.: KHF/7719/C"),
            Cell(0.6, "Pengethley Parry Solicitors LLP"),
        ),
        (Cell(0.08, "Dear Ms Brackenridge"),),
        (Cell(0.08, "Letter before claim"),),
        (Cell(0.08, "1."), Cell(0.14, "Date of this letter"), Cell(0.5, "2 April 2027")),
        (Cell(0.08, "2."), Cell(0.14, "Instructed by"), Cell(0.5, "Kilpeck Horsebox Finance Ltd")),
        (Cell(0.08, "3."), Cell(0.14, "Balance owed"), Cell(0.5, "£6,210.44")),
        (Cell(0.08, "Unless you pay or reply within 30 days, our client may issue a claim."),),
        (Cell(0.08, "Yours faithfully"),),
        (Cell(0.08, "Pengethley Parry Solicitors LLP"),),
    ]
    assert _read(page).creditor_name == "Kilpeck Horsebox Finance Ltd"


def test_a_party_s_name_label_still_names_the_party() -> None:
    """(guard) "Lender's name" labels the lender, possessive or not."""
    page = [
        (Cell(0.08, "Pengethley Parry Solicitors LLP", bold=True), Cell(0.6, "Broad Street")),
        (Cell(0.08, "Ross-on-Wye HR9 7EA"),),
        *_ADDRESSEE,
        (Cell(0.08, "Lender's name"), Cell(0.4, "Kilpeck Horsebox Finance Ltd")),
        (Cell(0.08, "Balance owed"), Cell(0.4, "£6,210.44")),
        (Cell(0.08, "Dear Ms Brackenridge"),),
        (Cell(0.08, "We act for the lender. Please pay the balance owed within 30 days."),),
        (Cell(0.08, "Yours faithfully"),),
    ]
    assert _read(page).creditor_name == "Kilpeck Horsebox Finance Ltd"


# -- a pay envelope's grid of boxes ---------------------------------------------------------------


def test_a_value_of_a_grid_is_not_the_label_of_the_one_beside_it() -> None:
    """Headings over values, box by box: "Paid weekly" (under "How paid") is a value,
    and the figure beside it is the hours' pay under its own heading, not the pay
    "paid weekly"."""
    page = [
        (Cell(0.08, "Bromyard Hop Kilns Ltd", bold=True),),
        (Cell(0.08, "Wages office, Tenbury Road, Bromyard HR7 4LL"),),
        (Cell(0.08, "WAGES ADVICE"), Cell(0.6, "Elowen Brackenridge, works no. 5521")),
        (
            Cell(0.09, "Pay date"),
            Cell(0.3, "How paid"),
            Cell(0.52, "Hours (41 h)"),
            Cell(0.74, "Bonus"),
        ),
        (
            Cell(0.09, "9 April 2027"),
            Cell(0.3, "Paid weekly"),
            Cell(0.52, "574.00"),
            Cell(0.74, "12.50"),
        ),
        (
            Cell(0.09, "Gross for week"),
            Cell(0.3, "Income tax"),
            Cell(0.52, "National Insurance"),
            Cell(0.74, "Union dues"),
        ),
        (Cell(0.09, "586.50"), Cell(0.3, "62.40"), Cell(0.52, "29.16"), Cell(0.74, "3.10")),
        (Cell(0.52, "Take home"),),
        (Cell(0.52, "£491.84"),),
    ]
    read = _read(page)
    assert read.income_pence == 49184
    assert read.gross_pence == 58650


# -- a total that says what it includes ------------------------------------------------------------


def test_a_total_with_the_fee_included_is_the_balance() -> None:
    """ "Total with interest and the court fee" is the whole sum, not a fee; a fee of its
    own ("Court fee") stays a fee."""
    page = [
        (Cell(0.08, "County Court at Hereford", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Claim no."), Cell(0.5, "K7QW30T2")),
        (Cell(0.08, "Claimant"), Cell(0.5, "Wye Gorge Canoe Finance Ltd")),
        (Cell(0.08, "Court fee"), Cell(0.5, "£205.00")),
        (Cell(0.08, "Total with interest and the court fee"),),
        (Cell(0.08, "£3,905.12"),),
        (Cell(0.08, "A claim has been issued against you. Reply within 14 days."),),
    ]
    assert _read(page).balance_pence == 390512


# -- after OCR ---------------------------------------------------------------------------------


def test_a_day_ocr_glued_to_the_month_s_name() -> None:
    assert parse_date("Dated 14apr 2027.") == dt.date(2027, 4, 14)
    assert parse_date("on 3September 2027") == dt.date(2027, 9, 3)
    # (guards: no year, no date; a count before a month stays a count)
    assert parse_date("14apr") is None
    assert parse_date("1st May 2027") == dt.date(2027, 5, 1)


def test_a_space_ocr_read_inside_a_lettered_reference() -> None:
    """ "KLD72 440913", the whole of its cell, is one reference; not at a cell's end, the
    figures alone as before."""
    assert parse_reference("KLD72 440913") == "KLD72 440913"
    assert parse_reference("Your ref:  KLD72 440913") == "KLD72 440913"
    assert parse_reference("KLD72 440913 and more words") == "440913"


def test_a_comma_ocr_read_before_a_firm_s_legal_form() -> None:
    assert parse_name("Kilpeck Horsebox Finance, Ltd .") == "Kilpeck Horsebox Finance Ltd"
    # (guard: a comma before an address still ends the name)
    assert parse_name("Kilpeck Horsebox Finance Ltd, 4 Mill Street") == (
        "Kilpeck Horsebox Finance Ltd"
    )


def test_a_pence_figure_ocr_lost_at_a_box_s_edge() -> None:
    """ "£318.4" where the page prints "£318.46" reads £318.46; alone, or with two
    different fuller amounts, as before."""
    text = "Arrears\n£318.4\nThe arrears on your account come to £318.46. Please pay."
    assert pence_cut("£318.4", text) == 31846
    assert pence_cut("£318.4", "Arrears £318.4") is None
    assert pence_cut("£318.4", "£318.46 and £318.47") is None
    assert parse_money("£1234.5") == 123450
