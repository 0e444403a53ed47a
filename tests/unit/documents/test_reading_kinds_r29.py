"""Kinds of reading added in round 29 of the reader (issue 14), from the misses of AI, each
on wording and layouts unlike every corpus family (the Small Isles: a community housing
trust, a fuel merchant, a crofting lender and a ferry company): the test checks the *kind*
of rule — a caption that names the paper, a card's ("Visiting card") or a bundle's ("TRIAL
BUNDLE" before the case "X Ltd v Y"), is no name, and a case's title names its claimant
first; a label and its value after a sentence in one cell, as a log's note records them
("Statement posted. Croft loan ref.: CL-2291"), are a label and its value — not a family's
phrase.
Perfect text (exact word boxes). Each test failed on the old reader (main's ``src`` at
6282a03, an archive of that commit, run against it)."""

from __future__ import annotations

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_name

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
