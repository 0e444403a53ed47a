"""Kinds of reading added in round 27 of the reader (issue 14), from the misses of AB, each
on wording and layouts unlike every corpus family (a Shetland harbour, boat hire and berth
dues): the test checks the *kind* of rule — a page numbering its lines down the margin (a
spreadsheet printed with its row numbers) read past the numbers, with a file's name and a
sheet's tab in its print header no label and no reference; a calendar's week of counting
figures is no value printed a figure to a box; a reference of letters and four or more
figures then groups of figures ("KT4471 0925"); a conversation's own number ("Conversation
ID") names the chat, not the account, and the channel after an organisation's name ("- Web
chat") is not part of it; a whole, what was paid and what is left, where the remainder is
owed; "past due" is overdue; "our recovery file" names the reference; a step naming what to
have ready ("Keep your berth number ready:") labels its value; a bare "Regards," closes a
letter signed by a desk; and, after OCR, a compact date whose month's O (or day's nought)
is misread ("030CT27", "O30CT27") and a reference whose nought is read as an O where the
page prints it with the nought elsewhere — not a family's phrase. Perfect text (exact word
boxes) unless said. Each test failed on the old reader (main's ``src`` at 6360646)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import one_page
from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell, sample_pages
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import parse_date, parse_name, parse_reference
from cma_core.documents.model import DocumentClass

C = DocumentClass


_ADDRESSEE = (
    (Cell(0.08, "Mr Magnus Isbister"),),
    (Cell(0.08, "4 Twageos Road"),),
    (Cell(0.08, "Lerwick"),),
    (Cell(0.08, "ZE1 0BB"),),
)


# -- lines numbered down the margin; a file's name and a sheet's tab in the print header -----


def _numbered(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return [(Cell(0.05, str(n)), *row) for n, row in enumerate(rows, 1)]


def test_a_page_numbering_its_lines_is_read_past_the_numbers() -> None:
    """A spreadsheet printed with its column letters and row numbers: each line's label
    starts past its number, and the print header ("hire_account_5521.ods", "Printed from
    Sheet2") gives no label and no reference."""
    page = [
        (Cell(0.05, "bressay_hire_account_5521.ods"), Cell(0.72, "Printed from Sheet2")),
        (Cell(0.3, "A"), Cell(0.55, "B"), Cell(0.8, "C")),
        *_numbered(
            [
                (Cell(0.1, "Bressay Boat Hire Trust"),),
                (Cell(0.1, "Voe Road, Bressay ZE2 9ER"),),
                (),
                (Cell(0.1, "Hire charges unpaid"),),
                (Cell(0.1, "Hirer"), Cell(0.55, "Mr M Isbister")),
                (Cell(0.1, "Sheet made up on"), Cell(0.55, "12 April 2027")),
                (Cell(0.1, "Hirer's number"), Cell(0.55, "BBH-77104")),
                (Cell(0.1, "Still owing for the season"), Cell(0.55, "£1,306.20")),
                (Cell(0.1, "Pay this by"), Cell(0.55, "26 April 2027")),
            ]
        ),
    ]
    read = _read(page)
    assert read.account_reference == "BBH-77104"
    assert read.creditor_name == "Bressay Boat Hire Trust"
    # (guards: a sheet's tab is nobody's reference; a word that only begins so is kept)
    assert parse_reference("Printed from Sheet2") is None
    assert parse_reference("Sheet piling order SP-44120") == "SP-44120"
    _quantities_down_a_column_stay_values()


def _quantities_down_a_column_stay_values() -> None:
    """Guard: a table's first column of quantities (2, 5, 1, 12, 3) is not a margin of line
    numbers: the quantities stay; nor are days counting up before their month's name."""
    page = [
        (Cell(0.08, "Qty"), Cell(0.2, "Item"), Cell(0.7, "Amount")),
        (Cell(0.08, "2"), Cell(0.2, "Fender, large"), Cell(0.7, "£48.00")),
        (Cell(0.08, "5"), Cell(0.2, "Mooring line, 10 m"), Cell(0.7, "£62.50")),
        (Cell(0.08, "1"), Cell(0.2, "Anchor chain"), Cell(0.7, "£120.00")),
        (Cell(0.08, "12"), Cell(0.2, "Shackles"), Cell(0.7, "£30.00")),
        (Cell(0.08, "3"), Cell(0.2, "Buoys"), Cell(0.7, "£45.00")),
    ]
    layout = page_layout(sample_pages(one_page(page))[0])
    assert [row[0].text for row in layout.rows[1:]] == ["2", "5", "1", "12", "3"]
    # (nor are a statement's days counting up before their month's name: "1 Mar", "2 Mar")
    days = [
        (Cell(0.08, f"{d} Mar"), Cell(0.2, "Harbour dues"), Cell(0.7, "£4.00")) for d in range(1, 7)
    ]
    layout = page_layout(sample_pages(one_page(days))[0])
    assert [row[0].text for row in layout.rows] == [f"{d} Mar" for d in range(1, 7)]


# -- a calendar's counting week is no value printed a figure to a box -------------------------


def test_a_calendar_s_week_beside_a_label_is_not_its_value() -> None:
    days = (0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32)
    page = [
        (Cell(0.08, "Unst Fuel Co-operative Ltd", bold=True),),
        (Cell(0.08, "Baltasound, Unst ZE2 9DT"),),
        *_ADDRESSEE,
        (Cell(0.08, "Your month: March 2027"), Cell(0.6, "Printed on")),
        (*(Cell(x, d) for x, d in zip(days, "MTWTFSS", strict=True)), Cell(0.6, "2 March 2027")),
        (*(Cell(x, str(d)) for x, d in zip(days, range(1, 8), strict=True)),
         Cell(0.6, "Fuel account")),
        (*(Cell(x, str(d)) for x, d in zip(days, range(8, 15), strict=True)),
         Cell(0.6, "UFC-30417")),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "Your heating oil account is in arrears: £286.40 is unpaid."),),
        (Cell(0.08, "Please pay it by 16 March 2027."),),
    ]  # fmt: skip
    assert _read(page).account_reference == "UFC-30417"
    _a_comb_of_figures_that_do_not_count_is_one_value()


def _a_comb_of_figures_that_do_not_count_is_one_value() -> None:
    """Guard: a reference printed a figure to a box ("4 0 5 2 0 3 9") is one value."""
    comb = [Cell(0.4 + 0.03 * k, d) for k, d in enumerate("4052039")]
    page = [
        (Cell(0.08, "Unst Fuel Co-operative Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Fuel account"), *comb),
        (Cell(0.08, "Your heating oil account is in arrears: £286.40 is unpaid."),),
    ]
    assert _read(page).account_reference == "4052039"


# -- letters and four figures, then a group of figures ----------------------------------------


def test_a_reference_of_letters_and_four_figures_then_a_group() -> None:
    """ "KT4471 0925", the whole of its cell, is one reference; followed by words in its
    cell, only the first part is (guard)."""
    page = [
        (Cell(0.08, "Sumburgh Power Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Meter account"), Cell(0.4, "KT4471 0925")),
        (Cell(0.08, "Your electricity account is in arrears: £96.12 is unpaid."),),
    ]
    assert _read(page).account_reference == "KT4471 0925"
    assert parse_reference("KT4471 0925 is yours") == "KT4471"


# -- a chat's own number; the channel after the organisation's name ---------------------------


def test_a_chat_s_number_is_not_the_account_and_its_channel_is_no_name() -> None:
    page = [
        (Cell(0.08, "Scalloway Harbour Trust - Web chat", bold=True),),
        (Cell(0.08, "Conversation ID"), Cell(0.35, "WC-88213390")),
        (Cell(0.08, "Started"), Cell(0.35, "3 May 2027")),
        (Cell(0.08, "09:12"), Cell(0.16, "Aila"),
         Cell(0.26, "Good morning, you are through to Scalloway Harbour Trust.")),
        (Cell(0.08, "09:13"), Cell(0.16, "Aila"),
         Cell(0.26, "I have found your berth account number SHT-220931.")),
        (Cell(0.08, "09:14"), Cell(0.16, "Aila"),
         Cell(0.26, "Your berth dues are in arrears: £842.16 is unpaid.")),
        (Cell(0.08, "09:15"), Cell(0.16, "Aila"),
         Cell(0.26, "Please pay the arrears by 17 May 2027, or we may pass the debt to a")),
        (Cell(0.26, "collection agency. Call us if you cannot pay in full."),),
    ]  # fmt: skip
    read = _read(page)
    assert read.account_reference == "SHT-220931"
    assert read.creditor_name == "Scalloway Harbour Trust"
    # (guards: a name that only starts with a channel's words is kept whole)
    assert parse_name("Online Support Services Ltd") == "Online Support Services Ltd"
    assert parse_name("Scalloway Harbour Trust | Live chat") == "Scalloway Harbour Trust"


# -- a whole, what was paid and what is left ----------------------------------------------------


def test_what_is_left_of_a_whole_after_payments_is_owed() -> None:
    """ "Repaid to date 412.50 | Plan total 1,650.00 | Still to pay £1,237.50": the figures
    say the plan's total is what was owed before the payments."""
    page = [
        (Cell(0.08, "Yell Ferry Loans Ltd", bold=True),),
        (Cell(0.08, "Ulsta, Yell ZE2 9BD"),),
        *_ADDRESSEE,
        (Cell(0.08, "Loan no."), Cell(0.4, "YFL-50812")),
        (Cell(0.08, "Repaid to date"), Cell(0.38, "Plan total"), Cell(0.66, "Still to pay")),
        (Cell(0.08, "412.50"), Cell(0.38, "1,650.00"), Cell(0.66, "£1,237.50")),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "Your loan is in arrears. Please call us within 14 days."),),
    ]
    assert _read(page).balance_pence == 123750
    _a_total_made_of_a_debt_and_costs_stays_the_balance()


def _a_total_made_of_a_debt_and_costs_stays_the_balance() -> None:
    """Guard: "Arrears outstanding" and costs adding up to the total are its parts."""
    page = [
        (Cell(0.08, "Shetland Islands Council", bold=True),),
        (Cell(0.08, "8 North Ness, Lerwick ZE1 0LZ"),),
        *_ADDRESSEE,
        (Cell(0.08, "Council tax account"), Cell(0.45, "40771823")),
        (Cell(0.08, "Arrears still to pay"), Cell(0.45, "£590.06")),
        (Cell(0.08, "Court costs"), Cell(0.45, "£90.00")),
        (Cell(0.08, "Total payable now"), Cell(0.45, "£680.06")),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "A liability order has been made for the total above."),),
    ]
    assert _read(page).balance_pence == 68006


# -- "past due" ---------------------------------------------------------------------------------


def test_a_sum_past_due_is_the_balance() -> None:
    """ "Past due" is overdue: the amount past due is owed, not the plan's whole amount."""
    page = [
        (Cell(0.08, "Brae Boat Plans Ltd", bold=True),),
        (Cell(0.08, "Busta Road, Brae ZE2 9QN"),),
        *_ADDRESSEE,
        (Cell(0.08, "Plan ref."), Cell(0.45, "BBP-41188")),
        (Cell(0.08, "Amount of the plan"), Cell(0.45, "£1,250.00")),
        (Cell(0.08, "Past-due amount on your plan"), Cell(0.45, "£318.45")),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "The sum past due is £318.45. Please pay it so no late fee is added."),),
    ]
    assert _read(page).balance_pence == 31845


# -- the writer's file, named by what it is for ------------------------------------------------


def test_our_recovery_file_names_the_reference() -> None:
    page = [
        (Cell(0.08, "Walls Recovery Agents Ltd", bold=True),),
        (Cell(0.08, "Walls ZE2 9PF"),),
        *_ADDRESSEE,
        (Cell(0.08, "Our recovery file: WRA/20931"),),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "Shetland Islands Council has instructed us to collect £512.30 from you."),),
    ]
    assert _read(page).account_reference == "WRA/20931"
    _a_solicitor_s_own_file_is_not_the_account()


def _a_solicitor_s_own_file_is_not_the_account() -> None:
    """Guard: "Our file is MH/3147" is the firm's own file; the client's account stands."""
    page = [
        (Cell(0.08, "Mid Yell Solicitors LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Letter of claim"), Cell(0.5, "ACCOUNT WITH CLIENT"), Cell(0.75, "5848-3312")),
        (Cell(0.08, "We act for Lerwick Card Finance Ltd. Our file is MH/3147."),),
        (Cell(0.08, "You owe our client £2,210.00."),),
    ]
    assert _read(page).account_reference == "5848-3312"


# -- a step naming what to have ready -----------------------------------------------------------


def test_a_step_naming_what_to_have_ready_labels_its_value() -> None:
    page = [
        (Cell(0.08, "Bressay Harbour Trust", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Before you call us"),),
        (Cell(0.08, "Keep your harbour berth number ready: HB-2207/14"),),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "Your berth dues account is in arrears: £377.10 is unpaid. Please pay it"),),
        (Cell(0.08, "within 14 days, or we may pass the debt to a collection agency."),),
    ]
    assert _read(page).account_reference == "HB-2207/14"


def test_a_claim_s_step_naming_the_claim_number() -> None:
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A claim has been issued against you"),),
        (Cell(0.08, "Have your claim no. (on the form) to hand: 7QZ41K28"),),
        (Cell(0.08, "Amount claimed: £1,940.00"),),
        (Cell(0.08, "Claimant: Lerwick Card Finance Ltd"),),
    ]
    assert _read(page).court_claim_number == "7QZ41K28"


# -- a bare "Regards," closes a letter signed by a desk -----------------------------------------


def test_a_desk_signing_after_regards_is_not_the_creditor() -> None:
    page = [
        (Cell(0.08, "Harbour Dues Office, Esplanade"), Cell(0.6, "Shetland Islands Council")),
        (Cell(0.08, "Lerwick ZE1 0LL"),),
        *_ADDRESSEE,
        (Cell(0.08, "Dues account"), Cell(0.4, "HDO-66120")),
        (Cell(0.08, "Dear Mr Isbister"),),
        (Cell(0.08, "Your harbour dues account is in arrears: £214.60 is unpaid. Please pay"),),
        (Cell(0.08, "it within 14 days, or we may pass the debt to a collection agency."),),
        (Cell(0.08, "Regards,"),),
        (Cell(0.08, "Harbour Dues Office"),),
    ]
    assert _read(page).creditor_name == "Shetland Islands Council"


# -- after OCR -----------------------------------------------------------------------------------


def test_a_compact_date_with_a_misread_o_or_nought() -> None:
    """ "030CT27" (the month's O as a nought), "O30CT27" (the day's nought as an O); not
    inside a longer word (guard)."""
    assert parse_date("030CT27") == dt.date(2027, 10, 3)
    assert parse_date("by O30CT27 please") == dt.date(2027, 10, 3)
    assert parse_date("1N0V27") == dt.date(2027, 11, 1)
    assert parse_date("X030CT27") is None


def test_a_reference_whose_nought_ocr_read_as_o_printed_whole_elsewhere() -> None:
    page = [
        (Cell(0.08, "Sumburgh Power Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Invoice number"), Cell(0.4, "SPX4O971")),
        (Cell(0.08, "Your electricity account is in arrears: £96.12 is unpaid."),),
        (Cell(0.08, "File: sumburgh_SPX40971.pdf"),),
    ]
    assert _read(page).account_reference == "SPX40971"
    # (guard: an O the page never prints as a nought stays an O)
    page[-1] = (Cell(0.08, "Please quote it when you pay."),)
    assert _read(page).account_reference == "SPX4O971"
