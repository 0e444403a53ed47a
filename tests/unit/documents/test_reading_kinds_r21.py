"""Kinds of reading added in round 21 of the reader (issue 14), from the misses of AA, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
date printed year first with the month's name ("2027 Mar 09"); a timeline whose step "we
sent this notice" dates the letter; a court's paragraph naming the party bringing the claim
or whom the judgment is given to; an agent "collecting for the client"; an e-mail printed
from web-mail (the sender in the cell after "From:", its desk named first, the subject
printed again as the page's title, the reference in brackets at the subject's end); a
reference quoted "with us from now"; a list of sums closed by "£T in all"; a claim number
"of the court"; how often payments "are made" — not a family's phrase. Perfect text (exact
word boxes)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_date
from cma_core.documents.model import DocumentClass

C = DocumentClass


_ADDRESSEE = (
    (Cell(0.08, "Mr Oswin Trelawney-Pask"),),
    (Cell(0.08, "22 Saltings Row"),),
    (Cell(0.08, "Wells-next-the-Sea"),),
    (Cell(0.08, "NR23 1QQ"),),
)


# -- a date printed year first, the month by its name ----------------------------------------


def test_a_date_printed_year_first_with_the_month_s_name() -> None:
    """ "2027 Mar 09", "2027-Sep-30", "2027 October 4th": the year, the month's name, the
    day; a year then a month's name then another year is no date."""
    assert parse_date("Sent 2027 Mar 09 at 10:12") == dt.date(2027, 3, 9)
    assert parse_date("2027-Sep-30") == dt.date(2027, 9, 30)
    assert parse_date("by 2027 October 4th.") == dt.date(2027, 10, 4)
    assert parse_date("2026 May 2027") is None


def test_a_letter_dated_year_first_and_its_deadline() -> None:
    page = [
        (Cell(0.08, "Holkham Grain Dryers Ltd", bold=True), Cell(0.6, "Staithe Lane")),
        (Cell(0.08, "Holkham NR23 1RR"),),
        *_ADDRESSEE,
        (Cell(0.08, "Dated"), Cell(0.3, "2027 Mar 09")),
        (Cell(0.08, "Invoice account"), Cell(0.3, "HGD-55102")),
        (Cell(0.08, "Dear Mr Trelawney-Pask"),),
        (Cell(0.08, "Your account is in arrears: our invoice for drying your barley is unpaid."),),
        (
            Cell(
                0.08, "The outstanding balance is £2,315.60. Please pay it in full by 2027 Mar 23."
            ),
        ),
        (Cell(0.08, "If you do not pay, we may pass the debt to a collection agency."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Holkham Grain Dryers Ltd"),),
    ]
    read = _read(page)
    assert read.letter_date == dt.date(2027, 3, 9)
    assert read.deadline_date == dt.date(2027, 3, 23)


# -- the letter's own step of a timeline ---------------------------------------------------------


def test_the_step_that_is_the_letter_dates_it() -> None:
    """A timeline of dated steps, the earliest first: the step "We sent you this notice"
    is the letter's own date, not the first date on the page."""
    page = [
        (Cell(0.08, "Burnham Overy Boat Storage Ltd", bold=True), Cell(0.6, "The Hard")),
        (Cell(0.08, "Burnham Overy NR31 8AA"),),
        *_ADDRESSEE,
        (Cell(0.08, "Storage account"), Cell(0.45, "BOB 7731")),
        (Cell(0.08, "Storage fees unpaid"), Cell(0.45, "£640.00")),
        (Cell(0.08, "What has happened so far"),),
        (Cell(0.08, "3 January 2027"), Cell(0.35, "Your winter storage fee fell due")),
        (Cell(0.08, "18 February 2027"), Cell(0.35, "We sent you this notice")),
        (Cell(0.08, "4 March 2027"), Cell(0.35, "Pay by this date")),
        (Cell(0.08, "Dear Mr Trelawney-Pask"),),
        (
            Cell(
                0.08,
                "Your storage account is in arrears: the outstanding balance is £640.00. If you "
                "do not pay, we may pass the debt to a collection agency.",
            ),
        ),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Burnham Overy Boat Storage Ltd"),),
    ]
    assert _read(page).letter_date == dt.date(2027, 2, 18)


# -- a court's paragraphs: who brings the claim, to whom the judgment is given --------------------


def _court(paragraphs: list[str]) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "County Court at Norwich", bold=True), Cell(0.6, "Bishopgate")),
        (Cell(0.08, "Norwich NR3 1UR"),),
        *_ADDRESSEE,
        (Cell(0.08, "Dear Mr Trelawney-Pask"),),
        *((Cell(0.08, f"{n}."), Cell(0.14, p)) for n, p in enumerate(paragraphs, 1)),
        (Cell(0.08, "Court Office"),),
    ]


def test_the_party_bringing_the_claim_is_the_creditor() -> None:
    page = _court(
        [
            "A claim was issued against you in this court on 3 May 2027.",
            "Party bringing the claim: Stiffkey Solar Leasing Ltd.",
            "Claim no.: N4KP2207.",
            "Reply within 14 days of service, or judgment for £4,180.00 may be entered.",
        ]
    )
    assert _read(page).creditor_name == "Stiffkey Solar Leasing Ltd"


def test_whom_the_judgment_is_given_to_is_the_creditor() -> None:
    page = _court(
        [
            "Judgment was entered against you on 3 May 2027 for £2,760.00.",
            "Award given to: Cley Windmill Joinery Ltd.",
            "Pay the claimant, not the court, by 31 May 2027.",
        ]
    )
    assert _read(page).creditor_name == "Cley Windmill Joinery Ltd"


def test_the_claim_number_of_the_court_in_a_sentence() -> None:
    page = _court(
        [
            "Please give the claim number of the court Q7RT3318 whenever you write.",
            "Judgment in favour of: Cley Windmill Joinery Ltd.",
            "Judgment was entered against you on 3 May 2027 for £2,760.00.",
        ]
    )
    assert _read(page).court_claim_number == "Q7RT3318"


def test_the_sum_of_the_amounts_listed_before_it() -> None:
    """ "They ask for £X, a fee of £Y and interest of £Z: £T in all": the whole is £T,
    not the first amount of the list."""
    page = _court(
        [
            "Claimant: Cley Windmill Joinery Ltd.",
            "They ask for £3,100.00, a court fee of £205.00 and interest of £61.25: "
            "£3,366.25 in all.",
            "Reply within 14 days of service.",
        ]
    )
    assert _read(page).balance_pence == 336625


# -- an agent collecting for the creditor ------------------------------------------------------


def test_collecting_for_the_client_names_the_creditor() -> None:
    page = [
        (Cell(0.08, "Marsh Road Recoveries Ltd", bold=True), Cell(0.6, "Unit 4, Fakenham")),
        (Cell(0.08, "Fakenham NR21 9XX"),),
        *_ADDRESSEE,
        (Cell(0.08, "2 April 2027"),),
        (Cell(0.08, "Collecting for the client: Walsingham Broadband Ltd"),),
        (Cell(0.08, "Our reference"), Cell(0.45, "MRR/440917")),
        (Cell(0.08, "Balance to clear"), Cell(0.45, "£412.90")),
        (Cell(0.08, "Dear Mr Trelawney-Pask"),),
        (
            Cell(
                0.08,
                "Your broadband account is in arrears and the debt was passed to us to collect. "
                "Please pay the outstanding balance or call us to agree a plan.",
            ),
        ),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Marsh Road Recoveries Ltd"),),
    ]
    assert _read(page).creditor_name == "Walsingham Broadband Ltd"


# -- an e-mail printed from web-mail ----------------------------------------------------------


def _email(sender: str, subject: str, body: list[str]) -> list[tuple[Cell, ...]]:
    """The browser's print line, the message's subject again as the page's title, the
    headers with "From:" in a cell of its own, then the message."""
    return [
        (Cell(0.05, "03/05/2027, 08:41"), Cell(0.5, "Broadsands Mail - Inbox - oswin.tp")),
        (Cell(0.08, subject.rsplit(" [", 1)[0], bold=True),),
        (Cell(0.08, "From:"), Cell(0.22, sender)),
        (Cell(0.08, "Sent:"), Cell(0.22, "1 May 2027 16:02")),
        (Cell(0.08, "To:"), Cell(0.22, "oswin.tp@broadsands.example")),
        (Cell(0.08, "Subject:"), Cell(0.22, subject)),
        (Cell(0.08, "Dear Mr Trelawney-Pask,"),),
        *((Cell(0.08, line),) for line in body),
        (Cell(0.08, "Regards"),),
        (Cell(0.08, "Arrears Help"),),
    ]


def test_an_e_mail_s_sender_its_desk_first_and_its_subject_s_reference() -> None:
    """The sender in the cell after "From:", its desk named before the firm; the subject
    printed again as the title is no name; the subject's bracketed reference is the
    account's."""
    page = _email(
        "Arrears Help Desk Glandford Mobile Ltd <arrears.help@glandford.example>",
        "Your phone bill is still unpaid [GM 5520 1187 03]",
        [
            "Your last two phone bills are unpaid: £188.42 is overdue.",
            "Please pay it or call us by 17 May 2027.",
        ],
    )
    read = _read(page)
    assert read.creditor_name == "Glandford Mobile Ltd"
    assert read.account_reference == "GM 5520 1187 03"


def test_an_e_mail_from_a_benefit_s_unit_names_the_department_that_pays() -> None:
    page = _email(
        "Attendance Allowance Unit - Department for Work and Pensions <aa.unit@dwp.example>",
        "Attendance Allowance: our decision [QT 11 22 33 C]",
        [
            "You are entitled to Attendance Allowance from 12 April 2027.",
            "We will pay £108.55 into your account every week.",
        ],
    )
    assert _read(page).payer_name == "Department for Work and Pensions"


def test_a_firm_s_own_name_with_a_desk_word_stays_whole() -> None:
    """(guard) "Post Office Ltd" names one organisation: no desk is cut off it."""
    from cma_adapters.rules_assistant.structures import _past_desk

    assert _past_desk("Post Office Ltd") == "Post Office Ltd"
    assert _past_desk("Customer Care Team Holt Water plc") == "Holt Water plc"


# -- a reference quoted "with us from now" ----------------------------------------------------


def test_the_account_number_with_us_from_now_is_the_reference() -> None:
    """A debt bought from a lender: the buyer's new number, "account number with us from
    now X", not the lender's old one named in the body."""
    page = [
        (Cell(0.08, "Saxlingham Debt Purchase Ltd", bold=True), Cell(0.6, "PO Box 88")),
        (Cell(0.08, "Norwich NR1 9ZZ"),),
        *_ADDRESSEE,
        (Cell(0.08, "6 June 2027"),),
        (Cell(0.08, "NOTICE OF ASSIGNMENT"),),
        (Cell(0.08, "Dear Mr Trelawney-Pask"),),
        (
            Cell(
                0.08,
                "We bought your debt on 1 June 2027. Please quote your account number with us "
                "from now SDP7730415 when you pay.",
            ),
        ),
        (Cell(0.08, "Aylsham Doorstep Loans Ltd has sold your loan, number ADL/55812, to us."),),
        (Cell(0.08, "The balance assigned is £1,204.33."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Saxlingham Debt Purchase Ltd"),),
    ]
    assert _read(page).account_reference == "SDP7730415"


# -- how often the payments are made --------------------------------------------------------


def test_payments_are_made_names_how_often() -> None:
    page = [
        (Cell(0.08, "Department for Work and Pensions", bold=True),),
        (Cell(0.08, "Pension Centre, Wymondham NR18 0AA"),),
        *_ADDRESSEE,
        (Cell(0.08, "9 July 2027"),),
        (Cell(0.08, "Pension Credit: your award"),),
        (Cell(0.08, "Dear Mr Trelawney-Pask"),),
        (Cell(0.08, "You are entitled to Pension Credit from 1 July 2027."),),
        (Cell(0.08, "Each payment: £251.20"),),
        (Cell(0.08, "Payments are made: every 2 weeks"),),
        (Cell(0.08, "Yours sincerely"),),
    ]
    assert _read(page).frequency == "fortnightly"


# -- after OCR ------------------------------------------------------------------------------


def test_a_year_first_date_whose_day_ocr_glued_to_the_month() -> None:
    """After OCR, "2027 Aug09": the space before the day lost."""
    assert parse_date("2027 Aug09 | We sent you this notice") == dt.date(2027, 8, 9)


def test_an_amount_ocr_split_inside_a_group_after_the_comma() -> None:
    """After OCR, "(£21,46 0.15)" for "£21,460.15": the group's three figures rejoined; two
    groups whose figures are not three stay apart."""
    from cma_adapters.rules_assistant.values import parse_money

    assert parse_money("the sum of twenty-one thousand ... (£21,46 0.15).") == 2146015
    assert parse_money("£21,460.15") == 2146015
    assert parse_money("£2,46 10.15") != 24610 * 100 + 15
