"""Kinds of reading added in round 26 of the reader (issue 14), from the misses of AE, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
date whose parts are joined by points or underscores round the month's name ("9.Mar.2027",
"2027_Mar_09"), in any order the month's name makes plain; an amount that a column of
entries adds up to, printed apart from them (a statement's header band over its entries),
is the sum owed and the entries its parts; a passive's "by" before the date's label ("Sent
by our billing team on") names who did it, not a deadline; what it takes to end a debt ("To
settle the account today") or what a claimant asks for ("Hire fees the owner seeks") labels
the sum owed; a sender line "Desk, Organisation" whose desk signs the letter names the
organisation; "X has started proceedings against you" names the claimant; a firm in the
possessive ("Hire firm's ref.") names whose reference it is; and, after OCR, a space read
after a date's point ("28. Aug.2027") and a month's O read as a nought ("22.0ct.2027") —
not a family's phrase. Perfect text (exact word boxes) unless said."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_date, parse_money, parse_reference
from cma_core.documents.model import DocumentClass

C = DocumentClass


_ADDRESSEE = (
    (Cell(0.08, "Mr Oisin Trevathan"),),
    (Cell(0.08, "22 Gwel an Mor"),),
    (Cell(0.08, "St Just"),),
    (Cell(0.08, "TR19 7JQ"),),
)


# -- a date's parts joined by points or underscores round the month's name ------------------


def test_a_date_with_points_or_underscores_round_the_month_s_name() -> None:
    """ "9.Mar.2027", "09_Mar_27", "Mar.09.2027", "2027.Mar.09": a day, a month's name and a
    year, whatever mark joins them (the same either side); no date inside a longer figure."""
    assert parse_date("Printed 9.Mar.2027") == dt.date(2027, 3, 9)
    assert parse_date("pay by 23.March.2027.") == dt.date(2027, 3, 23)
    assert parse_date("09_Mar_27") == dt.date(2027, 3, 9)
    assert parse_date("Mar.09.2027") == dt.date(2027, 3, 9)
    assert parse_date("2027.Mar.09") == dt.date(2027, 3, 9)
    # (guards: no date inside a longer figure, a mark either side the same, no 32nd day)
    assert parse_date("ref 12.Mar.20271") is None
    assert parse_date("9.Mar_2027") is None
    assert parse_date("32.Mar.2027") is None
    assert parse_money("£12.50") == 1250
    assert parse_reference("Account no. TRV-2027-0309") == "TRV-2027-0309"


def test_a_letter_dated_with_points_round_the_month_and_its_deadline() -> None:
    page = [
        (Cell(0.08, "Penwith Tin Streaming Supplies Ltd", bold=True),),
        (Cell(0.08, "Wheal Owles Yard, St Just TR19 7NU"),),
        *_ADDRESSEE,
        (Cell(0.08, "Printed on"), Cell(0.3, "9.Mar.2027")),
        (Cell(0.08, "Trade account"), Cell(0.3, "PTS-40817")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "Your trade account is in arrears: last winter's sluice hire is unpaid."),),
        (Cell(0.08, "The outstanding balance is £1,482.90. Please pay it by 23.Mar.2027."),),
        (Cell(0.08, "If you do not pay, we may pass the debt to a collection agency."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Penwith Tin Streaming Supplies Ltd"),),
    ]
    read = _read(page)
    assert read.letter_date == dt.date(2027, 3, 9)
    assert read.deadline_date == dt.date(2027, 3, 23)


# -- what a column of entries adds up to, printed apart from them ----------------------------------


def test_the_sum_a_column_of_entries_adds_up_to_is_the_balance() -> None:
    """A band of facts over a table of entries: the band's figure is what the entries add
    up to (a payment taken off among them), so it is the sum owed and the entries its
    parts, whatever their labels say ("Hire charges for March" is no balance)."""
    page = [
        (Cell(0.08, "Cape Cornwall Marquee Hire Ltd", bold=True),),
        (Cell(0.08, "Kenidjack Barns, St Just TR19 7RB"),),
        *_ADDRESSEE,
        (Cell(0.08, "OVERDUE HIRE BILL", bold=True),),
        (Cell(0.08, "Made up on"), Cell(0.38, "Hirer no."), Cell(0.66, "This hire bill comes to")),
        (Cell(0.08, "14 March 2027"), Cell(0.38, "CCM-20417"), Cell(0.66, "£1,026.40")),
        (Cell(0.08, "Item"), Cell(0.8, "Amount")),
        (Cell(0.08, "Marquee and flooring, 3 days"), Cell(0.8, "880.00")),
        (Cell(0.08, "Hire charges for March"), Cell(0.8, "186.40")),
        (Cell(0.08, "Deposit held"), Cell(0.8, "-40.00")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "Your hire account is in arrears. Please pay what is owed within 14 days,"),),
        (Cell(0.08, "or we may pass the debt to a collection agency."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Accounts"),),
    ]
    assert _read(page).balance_pence == 102640


# -- a passive's "by" names who did it -------------------------------------------------------------


def test_a_passive_s_by_before_the_date_s_label_is_no_deadline() -> None:
    """ "Sent by our billing team on" dates the letter (who sent it, then when); a date in
    a box of its own beside it ("Counted from") is not the letter's."""
    page = [
        (Cell(0.08, "Botallack Engine House Water Co", bold=True),),
        (Cell(0.08, "Levant Road, Pendeen TR19 7SX"),),
        *_ADDRESSEE,
        (
            Cell(0.08, "Sent by our billing team on"),
            Cell(0.42, "Counted from"),
            Cell(0.7, "Customer no."),
        ),
        (Cell(0.08, "2 February 2027"), Cell(0.42, "7 February 2027"), Cell(0.7, "BEW 662104")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "Your water charges of £312.44 are unpaid. Please pay them by 2 March 2027."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Botallack Engine House Water Co"),),
    ]
    read = _read(page)
    assert read.letter_date == dt.date(2027, 2, 2)
    assert read.deadline_date == dt.date(2027, 3, 2)


# -- what it takes to end a debt, what a claimant asks for ----------------------------------------


def test_what_it_takes_to_settle_the_account_is_the_balance() -> None:
    """ "To settle the account today" labels the sum owed (a fee of its own beside it stays
    a fee)."""
    page = [
        (Cell(0.08, "Lands End Bailiff Services Ltd", bold=True),),
        (Cell(0.08, "Sennen Cove TR19 7DF"),),
        *_ADDRESSEE,
        (Cell(0.08, "Our case no."), Cell(0.42, "LEB/88120")),
        (Cell(0.08, "Enforcement stage fee"), Cell(0.42, "£235.00")),
        (Cell(0.08, "To settle the account today"), Cell(0.42, "£1,118.62")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "A warrant has been passed to us. Contact us within seven days."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Lands End Bailiff Services Ltd"),),
    ]
    assert _read(page).balance_pence == 111862


def test_fees_a_claimant_seeks_are_the_balance() -> None:
    """ "Mooring fees the harbour seeks" is what is claimed, not a fee added to it."""
    page = [
        (Cell(0.08, "Polgarrow Trethowan Solicitors LLP", bold=True),),
        (Cell(0.08, "Chapel Street, Penzance TR18 4AQ"),),
        *_ADDRESSEE,
        (Cell(0.08, "Our client"), Cell(0.48, "Porthgwarra Harbour Trust")),
        (Cell(0.08, "Client's mooring ref."), Cell(0.48, "PHT/2207")),
        (Cell(0.08, "Mooring fees the harbour seeks"), Cell(0.48, "£2,964.10")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "We act for the trust, whose mooring fees are unpaid. Reply within 30 days."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Polgarrow Trethowan Solicitors LLP"),),
    ]
    assert _read(page).balance_pence == 296410


# -- a sender's desk, then whom it writes for ------------------------------------------------------


def test_a_sender_s_desk_that_signs_leaves_the_organisation() -> None:
    """ "From: Arrears Desk, Kenidjack Housing Co-operative" under a fax header, the letter
    signed "Arrears Desk": the organisation is the creditor."""
    page = [
        (Cell(0.08, "MESSAGE BY FAX", bold=True),),
        (Cell(0.08, "To:"), Cell(0.3, "Mr Oisin Trevathan, 22 Gwel an Mor, St Just TR19 7JQ")),
        (Cell(0.08, "From:"), Cell(0.3, "Arrears Desk, Kenidjack Housing Co-operative")),
        (Cell(0.08, "Tenancy no."), Cell(0.3, "KHC-3318")),
        (Cell(0.08, "Rent behind"), Cell(0.3, "£884.12")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "Your rent account is behind. Please contact us to agree a plan."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Arrears Desk"),),
    ]
    assert _read(page).creditor_name == "Kenidjack Housing Co-operative"


# -- who has started proceedings -------------------------------------------------------------------


def test_who_has_started_proceedings_against_you_is_the_claimant() -> None:
    """A court's letter: "X Ltd has started proceedings against you" names the claimant,
    not the court heading the letter."""
    page = [
        (Cell(0.08, "County Court at Truro", bold=True),),
        (Cell(0.08, "Edward Street, Truro TR1 3AA"),),
        *_ADDRESSEE,
        (Cell(0.08, "Claim no."), Cell(0.42, "K3TR8821")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "Pendeen Quad Bike Finance Ltd has started proceedings against you"),),
        (Cell(0.08, "for £4,210.55."),),
        (Cell(0.08, "You must reply within 14 days of service."),),
        (Cell(0.08, "Yours faithfully"),),
        (Cell(0.08, "Civil Section"),),
    ]
    assert _read(page).creditor_name == "Pendeen Quad Bike Finance Ltd"


# -- after OCR ---------------------------------------------------------------------------------


def test_a_space_ocr_read_after_a_date_s_point() -> None:
    """ "28. Aug.2027", "9.Mar. 2027": a space read after one of the points."""
    assert parse_date("Made on 28. Aug.2027") == dt.date(2027, 8, 28)
    assert parse_date("9.Mar. 2027") == dt.date(2027, 3, 9)
    # (guard: points round figures only, with a space, stay no date of a month's name)
    assert parse_date("Sect. 4. 2027") is None


def test_a_month_s_letter_o_ocr_read_as_a_nought() -> None:
    """ "22.0ct.2027", "3 N0v 2027": the O of October or November read as a nought,
    only with a day and a year either side."""
    assert parse_date("22.0ct.2027") == dt.date(2027, 10, 22)
    assert parse_date("3 N0v 2027") == dt.date(2027, 11, 3)
    assert parse_date("Ref 0ct") is None


# -- a firm's reference in the possessive ----------------------------------------------------------


def test_a_firm_s_reference_in_the_possessive_is_the_account_s() -> None:
    """ "Hire firm's ref." is the creditor's reference for the account, not a regulator's
    firm reference number ("Firm reference number" stays one)."""
    page = [
        (Cell(0.08, "Penwith Plant Hire Ltd", bold=True),),
        (Cell(0.08, "Trewellard Road, Pendeen TR19 7TE"),),
        *_ADDRESSEE,
        (Cell(0.08, "Date"), Cell(0.42, "3 March 2027")),
        (Cell(0.08, "Firm reference number"), Cell(0.42, "774120")),
        (Cell(0.08, "Hire firm's ref."), Cell(0.42, "PPH/55031")),
        (Cell(0.08, "Dear Mr Trevathan"),),
        (Cell(0.08, "Your account is in arrears: the outstanding balance is £1,204.50."),),
        (Cell(0.08, "Please pay it by 17 March 2027, or we may pass the debt to an agency."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Penwith Plant Hire Ltd"),),
    ]
    assert _read(page).account_reference == "PPH/55031"
