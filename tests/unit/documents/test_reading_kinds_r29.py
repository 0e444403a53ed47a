"""Kinds of reading added in round 29 of the reader (issue 14), from the misses of AI, each
on wording and layouts unlike every corpus family (the Small Isles: a community housing
trust, a fuel merchant, a crofting lender and a ferry company): the test checks the *kind*
of rule — a caption that names the paper, a card's ("Visiting card") or a bundle's ("TRIAL
BUNDLE" before the case "X Ltd v Y"), is no name, and a case's title names its claimant
first; a label and its value after a sentence in one cell, as a log's note records them
("Statement posted. Croft loan ref.: CL-2291"), are a label and its value; values under a
row of labels one of which wraps to a second line are the labels' values, and a court's
place may qualify the claim number's label ("Mallaig claim no."); a payslip is dated by
the day its pay was paid ("Paid into your account on"), a debt letter not; and after OCR
a short year's apostrophe read as a quote ("3 Mar. ‘27") still dates — not a family's
phrase.
Perfect text (exact word boxes). Each test failed on the old reader (main's ``src`` at
6282a03, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_date, parse_name

_ADDRESSEE = (
    (Cell(0.08, "Mr Ruairidh MacKinnon"),),
    (Cell(0.08, "2 Kinloch Steading"),),
    (Cell(0.08, "Isle of Rum"),),
    (Cell(0.08, "PH43 4RR"),),
)


# -- a caption that names the paper -------------------------------------------------------------


def test_a_cards_caption_is_no_name() -> None:
    """A card left at the door, its caption in a band with the writer's name right of it:
    the writer is the name, the caption names the paper."""
    page = [
        (Cell(0.1, "DOORSTEP VISITING CARD", bold=True),
         Cell(0.62, "Rum Community Housing Trust", bold=True)),
        (Cell(0.1, "The Bothy, Kinloch, Isle of Rum PH43 4RR"),),
        *_ADDRESSEE,
        (Cell(0.1, "[X] We called and nobody was in"),),
        (Cell(0.1, "Rent account"), Cell(0.6, "RCH/0417")),
        (Cell(0.1, "Rent unpaid to the end of last week"), Cell(0.6, "£612.30")),
        (Cell(0.08, "Dear Mr MacKinnon,"),),
        (Cell(0.08, "You are behind with your rent. Please ring us to agree a plan."),),
    ]  # fmt: skip
    assert _read(page).creditor_name == "Rum Community Housing Trust"
    # (guards: a firm named with a card's words keeps its name, and a card brand is a name)
    assert parse_name("Visiting Card Printers Ltd") == "Visiting Card Printers Ltd"
    assert parse_name("Canna Card") == "Canna Card"
    assert parse_name("PAYMENT CARD") is None


def test_a_bundles_caption_is_no_part_of_the_claimants_name() -> None:
    """A letter copied into a court bundle, its header the bundle's caption and the case's
    title: the claimant is named first, without the caption or the other party."""
    page = [
        (Cell(0.06, "TRIAL BUNDLE  SMALL ISLES FUEL LTD v MACKINNON", bold=True),
         Cell(0.86, "[C41]", bold=True)),
        (Cell(0.06, "Section C: letters before action"),),
        (Cell(0.11, "Small Isles Fuel Ltd", bold=True),),
        (Cell(0.11, "Pier Road, Eigg PH42 4RL"),),
        *_ADDRESSEE,
        (Cell(0.11, "Heating oil account"), Cell(0.5, "SIF-88213")),
        (Cell(0.11, "Owed for deliveries"), Cell(0.5, "£1,148.90")),
        (Cell(0.11, "Dear Mr MacKinnon, the account above is in arrears."),),
        (Cell(0.11, "Please pay what you owe or we may take court action."),),
    ]  # fmt: skip
    assert _read(page).creditor_name == "SMALL ISLES FUEL LTD"
    assert parse_name("Appeal bundle: Eigg Ferry Company Ltd v. Campbell") == (
        "Eigg Ferry Company Ltd"
    )
    assert parse_name("Canna Water plc versus Campbell") == "Canna Water plc"
    # (guards: a firm whose name begins with the word keeps it whole)
    assert parse_name("Bundle Finance Ltd") == "Bundle Finance Ltd"
    assert parse_name("Hearing Bundle Services Ltd") == "Hearing Bundle Services Ltd"


# -- a label after a sentence in a log's note -------------------------------------------------


def test_a_label_after_a_sentence_in_a_note_is_a_label() -> None:
    """A printout of a lender's notes: the sentence of the note, then a label and its value
    in the same cell (the value on the line, or wrapped to the next)."""
    page = [
        (Cell(0.08, "CASE HISTORY", bold=True), Cell(0.62, "Canna Crofting Finance Ltd")),
        *_ADDRESSEE,
        (Cell(0.08, "When"), Cell(0.26, "By"), Cell(0.34, "Entry")),
        (Cell(0.08, "02/03/27 09:12"), Cell(0.26, "JM"), Cell(0.34, "Welcome pack posted")),
        (Cell(0.08, "14/05/27 16:40"), Cell(0.26, "RS"),
         Cell(0.34, "Statement posted to the crofter. Croft loan ref.: CL-22918")),
        (Cell(0.08, "14/05/27 16:41"), Cell(0.26, "RS"), Cell(0.34, "Missed instalments: £840.00")),
        (Cell(0.08, "Dear Mr MacKinnon, your croft loan is in arrears. Please ring us."),),
    ]  # fmt: skip
    assert _read(page).account_reference == "CL-22918"
    wrapped = [
        *page[:5],
        (Cell(0.08, "14/05/27 16:40"), Cell(0.26, "RS"),
         Cell(0.34, "Statement posted to the crofter. Croft loan ref.:")),
        (Cell(0.34, "CL-22918"),),
        *page[6:],
    ]  # fmt: skip
    assert _read(wrapped).account_reference == "CL-22918"
    _a_sentence_without_a_colon_is_no_label()


def _a_sentence_without_a_colon_is_no_label() -> None:
    """Guard: a sentence that goes on to name an account, with no colon after the words,
    gives no label there (the reference stays the one labelled on its own)."""
    page = [
        (Cell(0.08, "Canna Crofting Finance Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Croft loan ref."), Cell(0.5, "CL-30071")),
        (Cell(0.1, "Arrears owed"), Cell(0.5, "£840.00")),
        (Cell(0.08, "Dear Mr MacKinnon, your croft loan is in arrears. Please pay the arrears"),),
        (Cell(0.08, "now. We wrote before. Your old loan number CL-11111 is closed."),),
    ]  # fmt: skip
    assert _read(page).account_reference == "CL-30071"


# -- values under a row of labels, one of which wraps ---------------------------------------------


def _judgment(wrapped: bool, reach: float = 0.0) -> list[tuple[Cell, ...]]:
    """A court's judgment whose particulars are a row of three labels with the values under
    them (a tracker's stages); the third label wraps to a second line when ``wrapped``."""
    labels = (Cell(0.1, "Order made on"), Cell(0.4, "Mallaig claim no."),
              Cell(0.7, "Sum the court ordered" if wrapped else "Sum ordered"))  # fmt: skip
    return [
        (Cell(0.08, "County Court at Fort William", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment for the claimant", bold=True),),
        (),
        labels,
        *([(Cell(0.7 + reach, "you to pay"),)] if wrapped else []),
        (),
        (Cell(0.1, "3 March 2027"), Cell(0.4, "K27TB903"), Cell(0.7, "£2,310.45")),
        (),
        (Cell(0.08, "Dear Mr MacKinnon, judgment has been entered against you for the sum of"),),
        (Cell(0.08, "£2,310.45, which you must pay to Eigg Ferry Company Ltd."),),
    ]  # fmt: skip


def test_values_under_a_row_of_labels_one_wrapping_are_read() -> None:
    """The values sit under the wrapped label's second line, so further from the others'
    than one line: they are still the labels' values; and a court's place may qualify the
    claim number's label ("Mallaig claim no.")."""
    read = _read(_judgment(wrapped=True))
    assert read.court_claim_number == "K27TB903"
    assert _read(_judgment(wrapped=False)).court_claim_number == "K27TB903"
    # (guard: a line under the labels that starts under none of them wraps none: the
    # values are then too far below the labels to be theirs)
    assert _read(_judgment(wrapped=True, reach=0.05)).court_claim_number != "K27TB903"


# -- a payslip dated by the day its pay was paid --------------------------------------------------


def test_a_payslip_dated_by_the_day_it_was_paid() -> None:
    """A payslip says when the pay was paid ("Paid into your account on"): that is its date;
    on a debt letter the day a payment was made is the account's history, not its date."""
    slip = [
        (Cell(0.08, "Eigg Ferry Company Ltd", bold=True),),
        (Cell(0.08, "Crew wages, sailings of 3 May 2027 to 23 May 2027"),),
        (Cell(0.08, "Paid into your account on 28 May 2027"),),
        (Cell(0.08, "Deckhand: R MacKinnon"), Cell(0.6, "Tax code 1257L")),
        (Cell(0.08, "Basic pay"), Cell(0.4, "1,912.00"), Cell(0.55, "Income tax"),
         Cell(0.8, "201.40")),
        (Cell(0.08, "Sea allowance"), Cell(0.4, "240.00"), Cell(0.55, "National Insurance"),
         Cell(0.8, "96.12")),
        (Cell(0.08, "Gross pay"), Cell(0.4, "2,152.00"), Cell(0.55, "Net pay"),
         Cell(0.8, "1,854.48")),
    ]  # fmt: skip
    assert _read(slip).letter_date == dt.date(2027, 5, 28)
    letter = [
        (Cell(0.08, "Small Isles Fuel Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.6, "14 June 2027"),),
        (Cell(0.1, "Last payment"), Cell(0.5, "£40.00")),
        (Cell(0.1, "Paid on"), Cell(0.5, "2 March 2027")),
        (Cell(0.1, "Heating oil account"), Cell(0.5, "SIF-88213")),
        (Cell(0.1, "Arrears now owed"), Cell(0.5, "£388.10")),
        (Cell(0.08, "Dear Mr MacKinnon, your account is in arrears. Please pay what you owe."),),
    ]  # fmt: skip
    assert _read(letter).letter_date == dt.date(2027, 6, 14)


# -- the apostrophe before a short year, as OCR reads it ----------------------------------------


def test_a_short_years_apostrophe_read_as_a_quote_is_still_a_date() -> None:
    """After OCR the apostrophe of "3 Mar. '27" may come back as an opening or closing
    quote or a backtick: the date is the same."""
    page = [
        (Cell(0.08, "Eigg Ferry Company Ltd", bold=True),),
        (Cell(0.08, "Crew pay advice"), Cell(0.6, "Paid on 3 Mar. ‘27")),
        (Cell(0.08, "Gross pay"), Cell(0.4, "2,152.00"), Cell(0.55, "Net pay"),
         Cell(0.8, "1,854.48")),
        (Cell(0.08, "Tax code 1257L"), Cell(0.55, "National Insurance"), Cell(0.8, "96.12")),
    ]  # fmt: skip
    assert _read(page).letter_date == dt.date(2027, 3, 3)
    for shown in ("3 March ’27", "3 Mar `27", "3 Mar. '27"):
        assert parse_date(shown) == dt.date(2027, 3, 3), shown
    # (guard: two figures after a month with no mark before them and words after are a
    # count, not a year, as before)
    assert parse_date("paid 16 May 12 payments ago") is None
