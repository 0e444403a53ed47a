"""Kinds of reading added in round 41 of the reader (issue 14), from the misses of AT and AU,
each on wording and layouts unlike every corpus family (an invented county, Oxmoorshire,
and its town of Caddenford: the Oxmoor District Council, Quillbury Moorland Credit Ltd, a
forge, a cider press, a river ferry, its enforcers and a county court): the test checks
the *kind* of rule, not a family's phrase. Pages of made-up wording (exact word boxes),
read by the rules as a given kind (the shipped classifier plays no part); the class cues
through ``refine_class``. Each test failed on the old reader (main's ``src`` at 580d3b3c,
an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import one_page, read_as, refined

from cma_adapters.rules_assistant import assistant
from cma_adapters.rules_assistant.assistant import read
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_adapters.rules_assistant.values import parse_date, parse_reference
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Elowen Tregarth"),),
    (Cell(0.08, "4 Bellfounder Yard"),),
    (Cell(0.08, "Caddenford, Oxmoorshire"),),
    (Cell(0.08, "OX9 4WE"),),
)
_GAP = ((), ())  # two blank lines: a tall box's value set low in it


def test_a_warning_wrapped_at_a_small_word_and_a_vehicle_s_registration() -> None:
    """A council's notice that warns of enforcement to come, one warning's sentence wrapped
    after "the" (its step, "Traffic Enforcement Centre", on the next line) and a vehicle's
    registration mark among its facts: no step told as done, a creditor letter."""
    page = [
        (Cell(0.08, "Oxmoor District Council", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Penalty charge: final reminder"),),
        (Cell(0.1, "Charge outstanding"), Cell(0.6, "£95.00")),
        (Cell(0.1, "Vehicle registration"), Cell(0.6, "OX21 KTD")),
        (Cell(0.1, "Pay by"), Cell(0.6, "12 July 2027")),
        (Cell(0.08, "Pay by 12 July 2027. If you do not, the council may register it with the"),),
        (Cell(0.08, "Traffic Enforcement Centre."),),
    ]  # fmt: skip
    assert refined(page, C.ENFORCEMENT_AGENT_NOTICE) is C.CREDITOR_LETTER


def test_a_court_s_notice_that_it_issued_the_warrant_enforcing_its_judgment() -> None:
    """The court writes that the judgment creditor "has asked the court to enforce" and that
    "a warrant of control has been issued": an enforcement notice, not the judgment."""
    page = [
        (Cell(0.08, "County Court at Caddenford", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Quillbury Forge Ltd has asked the court to enforce its judgment against"),),
        (Cell(0.08, "you, and a warrant of control has been issued."),),
        (Cell(0.1, "Left to pay under the warrant"), Cell(0.6, "£812.40")),
        (Cell(0.08, "A county court bailiff may call to take control of goods."),),
    ]  # fmt: skip
    assert refined(page, C.COUNTY_COURT_JUDGMENT) is C.ENFORCEMENT_AGENT_NOTICE


def test_arrears_of_what_no_utility_supplies_are_a_creditor_letter() -> None:
    """Read as utility arrears, a college's unpaid course fees name nothing a utility
    supplies or bills (and no loan): a creditor letter, the college its creditor."""
    page = [
        (Cell(0.08, "Caddenford Agricultural College", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your course fees for the spring term have not been paid."),),
        (Cell(0.1, "Fees not paid"), Cell(0.6, "£1,150.00")),
        (Cell(0.1, "Settle by"), Cell(0.6, "30 June 2027")),
        (Cell(0.08, "Please pay the fees, or ask us for a plan, by 30 June 2027."),),
    ]  # fmt: skip
    assert refined(page, C.UTILITY_ARREARS) is C.CREDITOR_LETTER
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Caddenford Agricultural College"
    # (a college named for its road is no organisation)
    road = [(Cell(0.08, "Ms Elowen Tregarth, 9 College Road"),)]
    assert read_as(road, C.CREDITOR_LETTER).creditor_name is None


def test_a_statement_the_model_reads_as_other_is_refined_past_a_debt() -> None:
    """A credit union's statement whose loan column is "owed", read as other by the word
    model with a creditor letter as its likeliest debt kind: the cues still refine the
    debt kind — balances carried between dated lines, nothing asked — a bank statement."""
    page = [
        (Cell(0.08, "Oxmoor Moorland Credit Union", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Member statement"), Cell(0.7, "As at 30 June 2027")),
        (Cell(0.08, "Date"), Cell(0.3, "Saved"), Cell(0.5, "Repaid"), Cell(0.75, "Loan owed")),
        (Cell(0.08, "Brought forward"), Cell(0.75, "640.00")),
        (Cell(0.08, "09/06/27"), Cell(0.3, "5.00"), Cell(0.5, "15.00"), Cell(0.75, "625.00")),
        (Cell(0.08, "16/06/27"), Cell(0.3, "5.00"), Cell(0.5, "15.00"), Cell(0.75, "610.00")),
        (Cell(0.08, "23/06/27"), Cell(0.3, "5.00"), Cell(0.5, "15.00"), Cell(0.75, "595.00")),
        (Cell(0.08, "30/06/27"), Cell(0.3, "5.00"), Cell(0.5, "15.00"), Cell(0.75, "580.00")),
        (Cell(0.08, "Carried forward"), Cell(0.75, "580.00")),
        (Cell(0.08, "The loan balance owed is £580.00."),),
    ]  # fmt: skip
    sample = one_page(page)
    text = sample_text(sample)
    found = read(text, sample_pages(sample), None, given=C.OTHER).found
    odds = {"other": 0.69, "bank_statement": 0.3, "creditor_letter": 0.01}
    got = assistant._owed_after_all(C.OTHER, 0.03, odds, found, text)
    assert got is C.BANK_STATEMENT


_KEYED = [
    (Cell(0.08, "County Court Money Claims Centre", bold=True),),
    *_ADDRESSEE,
    (Cell(0.08, "Quillbury Moorland Credit Ltd has started a claim against you for a loan."),),
    (Cell(0.08, "1"), Cell(0.45, "2"), Cell(0.7, "3")),
    (Cell(0.1, "3 May 2027"), Cell(0.53, "Q7TK204M"), Cell(0.78, "£2,104.30")),
    (),
    (Cell(0.3, "4"), Cell(0.7, "5")),
    (Cell(0.33, "Quillbury Moorland"), Cell(0.78, "QMC-55120")),
    (Cell(0.37, "Credit Ltd"),),
    (),
    (Cell(0.08, "Across"), Cell(0.5, "Down")),
    (Cell(0.1, "1  Date of issue"), Cell(0.52, "4  Claimant")),
    (Cell(0.1, "2  Claim number"), Cell(0.52, "5  Claimant's loan reference")),
    (Cell(0.1, "3  Total the claimant asks for"),),
]


def test_a_box_s_value_anywhere_in_its_box_right_of_its_number() -> None:
    """Numbered boxes explained by a key (two entries a line), each value set well right
    of its box's number (past the tolerance of one flush under it) and before the next
    box's number: the key's words read each value."""
    got = read_as(_KEYED, C.COURT_CLAIM_N1)
    assert got.court_claim_number == "Q7TK204M"
    assert got.balance_pence == 210430
    assert got.account_reference == "QMC-55120"


def test_a_name_in_a_box_wrapped_onto_the_line_under_it() -> None:
    """A name in a row of boxed values, no label beside it, runs onto the next line alone,
    set under it and ending as a company's name does: one name."""
    assert read_as(_KEYED, C.COURT_CLAIM_N1).creditor_name == "Quillbury Moorland Credit Ltd"


def test_whoever_passed_it_to_us_is_owed() -> None:
    """An enforcer's notice: "X has passed it to us" (the warrant, the debt) names the
    creditor, not the enforcer whose letter it is."""
    page = [
        (Cell(0.08, "Tamsett Field Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Notice of enforcement"),),
        (Cell(0.08, "A warrant of control was issued for an unpaid penalty charge, and"),),
        (Cell(0.08, "Oxmoor District Council has passed it to us."),),
        (Cell(0.1, "Amount to pay now"), Cell(0.6, "£310.00")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == "Oxmoor District Council"


def test_a_meter_s_number_is_not_the_customer_s_account() -> None:
    """ "Meter point reference" beside a weaker "Customer number": the meter's number is
    the supply's, the customer's number the account."""
    page = [
        (Cell(0.08, "Oxmoor Valley Energy Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your energy bill for the quarter."),),
        (Cell(0.1, "Customer number:"), Cell(0.5, "OVE55102963")),
        (Cell(0.1, "Meter point reference:"), Cell(0.5, "71 2204 9931")),
        (Cell(0.1, "Amount of this bill"), Cell(0.5, "£214.60")),
    ]  # fmt: skip
    assert read_as(page, C.UTILITY_BILL).account_reference == "OVE55102963"


def test_pay_said_to_come_each_weekday_or_on_the_month_s_last_working_day() -> None:
    """ "Wages paid every Tuesday" is weekly and "Salary paid on the last working day"
    monthly, said of the pay: over a column of "Week 1", "Week 2"."""

    def slip(said: str) -> list[tuple[Cell, ...]]:
        return [
            (Cell(0.08, "Caddenford Cider Press Ltd", bold=True),),
            (Cell(0.08, "Pay statement"), Cell(0.6, said)),
            (Cell(0.08, "Tax code 1257L"),),
            (Cell(0.08, "Week"), Cell(0.4, "Hours"), Cell(0.7, "Earned")),
            (Cell(0.08, "Week 1"), Cell(0.4, "30.0"), Cell(0.7, "390.00")),
            (Cell(0.08, "Week 2"), Cell(0.4, "30.0"), Cell(0.7, "390.00")),
            (Cell(0.08, "Gross pay"), Cell(0.7, "780.00")),
            (Cell(0.08, "Net pay"), Cell(0.7, "660.00")),
        ]

    assert read_as(slip("Wages paid every Tuesday"), C.PAYSLIP).frequency == "weekly"
    assert read_as(slip("Salary paid on the last working day"), C.PAYSLIP).frequency == "monthly"


_TALL = [
    (Cell(0.08, "Caddenford Ferry Company Ltd", bold=True),),
    *_ADDRESSEE,
    (Cell(0.08, "Your season ticket fares have not been paid."),),
    (Cell(0.1, "Fares office wrote on"), Cell(0.45, "Passenger no."), Cell(0.72, "Fares not paid")),
    *_GAP,
    (Cell(0.16, "3 June 2027"), Cell(0.5, "CFC-20931"), Cell(0.76, "£412.80")),
]


def test_values_set_low_in_tall_boxes_under_their_labels() -> None:
    """A row of labels over a row of as many values, each in its label's box, two blank
    lines apart (tall boxes): each label's value is under it; "X wrote on" dates it."""
    got = read_as(_TALL, C.CREDITOR_LETTER)
    assert got.account_reference == "CFC-20931"
    assert got.letter_date == dt.date(2027, 6, 3)
    # (its balance only by its label: the body names no sum)
    assert got.balance_pence == 41280


def test_a_value_far_right_in_its_box() -> None:
    """ "Court case no. at X" over a value set far to its right in its own box, before the
    next label's box starts: each label's value is the one in its box."""
    page = [
        (Cell(0.08, "County Court at Caddenford", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment was given for the claimant, Caddenford Ferry Company Ltd."),),
        (Cell(0.1, "Court case no. at Caddenford"), Cell(0.55, "Ferry's own ref.")),
        (Cell(0.4, "K4QX119B"), Cell(0.8, "CF/77120")),
        (Cell(0.1, "Judgment sum"), Cell(0.5, "£712.00")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.court_claim_number == "K4QX119B"
    assert got.account_reference == "CF/77120"


def test_the_next_label_right_of_a_label_is_no_value_over_a_row_of_figures() -> None:
    """ "Demand, in full | Comply within 21 days: by" over "£X | date": each label's value is
    under it, not the label to its right (a count of days is no value's figure)."""
    page = [
        (Cell(0.08, "Caddenford Forge Supplies Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Ironwork was supplied to you on credit and the invoices were not paid."),),
        (Cell(0.1, "Date of demand"), Cell(0.5, "3 June 2027")),
        (Cell(0.1, "Creditor's demand, in full"), Cell(0.55, "Comply within 21 days: by")),
        (Cell(0.3, "£3,204.50"), Cell(0.7, "24 June 2027")),
    ]  # fmt: skip
    got = read_as(page, C.STATUTORY_DEMAND)
    assert got.balance_pence == 320450
    assert got.deadline_date == dt.date(2027, 6, 24)


def test_who_sold_it_named_by_any_word_and_an_adverb_before_assigned() -> None:
    """ "Ferry line that assigned it" labels the original creditor; "X has legally assigned
    your account to us" names it in the body."""
    page = [
        (Cell(0.08, "Oxmoor Debt Purchase Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your account has been sold to us."),),
        (Cell(0.1, "New account no."), Cell(0.5, "ODP40219934")),
        (Cell(0.1, "Ferry line that assigned it"), Cell(0.5, "Caddenford Ferry Company Ltd")),
        (Cell(0.1, "Balance transferred"), Cell(0.5, "£604.20")),
    ]  # fmt: skip
    got = read_as(page, C.NOTICE_OF_ASSIGNMENT)
    assert got.original_creditor == "Caddenford Ferry Company Ltd"
    prose = [
        *page[:5],
        (Cell(0.08, "Quillbury Cider Ltd has legally assigned your account to us."),),
        (Cell(0.1, "Balance transferred"), Cell(0.5, "£604.20")),
    ]
    assert read_as(prose, C.NOTICE_OF_ASSIGNMENT).original_creditor == "Quillbury Cider Ltd"


def test_an_invoice_drawn_dates_it_past_a_tile_s_symbol() -> None:
    """Tiles of a number, a symbol of two letters, a label and its value ("Fd" over
    "Invoice drawn" over its date): the symbol is no value over its label; "Invoice drawn"
    (a paper made out) dates the letter."""
    page = [
        (Cell(0.08, "Oxmoor District Council", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We paid you too much Housing Benefit from 2 January 2027."),),
        (Cell(0.1, "51"), Cell(0.3, "52"), Cell(0.5, "53"), Cell(0.72, "54")),
        (Cell(0.12, "Fd"), Cell(0.32, "Ib"), Cell(0.52, "Bb"), Cell(0.74, "Of")),
        (Cell(0.1, "Invoice drawn"), Cell(0.3, "Benefit invoice no."), Cell(0.5, "To repay"),
         Cell(0.72, "Overpaid from")),
        (Cell(0.1, "4 June 2027"), Cell(0.3, "OXB551029"), Cell(0.5, "£940.10"),
         Cell(0.72, "2 January 2027")),
    ]  # fmt: skip
    assert read_as(page, C.OVERPAYMENT).letter_date == dt.date(2027, 6, 4)
    # (read so by its label, not by where it stands)
    sample = one_page(page)
    found = read(sample_text(sample), sample_pages(sample), None, given=C.OVERPAYMENT).found
    labelled = {c.value for c in found["letter_date"] if c.label == "Invoice drawn"}
    assert labelled == {dt.date(2027, 6, 4)}


def test_the_pay_that_went_into_the_bank_and_the_pay_before_stoppages() -> None:
    """ "Into your bank this time" is the net pay; "Earned before stoppages" the gross."""
    page = [
        (Cell(0.08, "Caddenford Cider Press Ltd", bold=True),),
        (Cell(0.08, "Pay statement"), Cell(0.6, "Pay date 4 June 2027")),
        (Cell(0.08, "Tax code 1257L"),),
        (Cell(0.08, "Earned"), Cell(0.7, "Amount")),
        (Cell(0.08, "Pressing shifts x 12"), Cell(0.7, "1,020.00")),
        (Cell(0.08, "Earned before stoppages"), Cell(0.7, "1,140.00")),
        (Cell(0.08, "Tax withheld"), Cell(0.7, "98.20")),
        (Cell(0.08, "Into your bank this time"), Cell(0.7, "981.40")),
    ]  # fmt: skip
    got = read_as(page, C.PAYSLIP)
    assert got.income_pence == 98140
    assert got.gross_pence == 114000


def test_a_grid_value_that_counts_weeks_is_no_label() -> None:
    """ "Paid every 4 weeks" under its own heading in a grid of boxes is a value: the
    figure right of it is the next heading's (a weekly rate), not the payment."""
    page = [
        (Cell(0.08, "Department for Work and Pensions", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We have decided your claim."),),
        (Cell(0.08, "Decided on"), Cell(0.35, "Payment rhythm"), Cell(0.7, "Weekly rate")),
        (Cell(0.08, "3 June 2027"), Cell(0.35, "Paid every 4 weeks"), Cell(0.7, "£92.40")),
        *_GAP,
        (Cell(0.45, "Each payment to you"),),
        (Cell(0.47, "£369.60"),),
    ]  # fmt: skip
    assert read_as(page, C.BENEFIT_AWARD).income_pence == 36960


def test_the_total_said_as_what_the_sum_comes_to() -> None:
    """ "…; with the fee, the total is £X" and "…, plus the fee and costs: £X in all": the
    sentence's total."""

    def claim(sentence: str) -> list[tuple[Cell, ...]]:
        return [
            (Cell(0.08, "County Court Money Claims Centre", bold=True),),
            *_ADDRESSEE,
            (Cell(0.08, sentence),),
            (Cell(0.1, "Claim number"), Cell(0.5, "Q7TK204M")),
        ]

    said = "The sum claimed is £900.00; adding the court fee, the total is £980.00."
    assert read_as(claim(said), C.COURT_CLAIM_N1).balance_pence == 98000
    said = "It claims £900.00, plus the court fee and costs: £980.00 in all."
    assert read_as(claim(said), C.COURT_CLAIM_N1).balance_pence == 98000


def test_taken_as_served_is_no_day_to_pay() -> None:
    """ "Taken as served" (the day the claim is served) is no payment taken on a day."""
    page = [
        (Cell(0.08, "County Court Money Claims Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date of issue"), Cell(0.5, "3 June 2027")),
        (Cell(0.1, "Taken as served"), Cell(0.5, "8 June 2027")),
        (Cell(0.1, "Court must hear from you by"), Cell(0.5, "22 June 2027")),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).deadline_date == dt.date(2027, 6, 22)


def test_fees_said_to_be_owed_are_the_debt() -> None:
    """ "Mooring fees owed" is the sum owed, not a fee added to it."""
    page = [
        (Cell(0.08, "Pengarrow Solicitors LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We act for Caddenford Ferry Company Ltd about unpaid moorings."),),
        (Cell(0.1, "Mooring fees owed"), Cell(0.5, "£1,310.00")),
        (Cell(0.1, "Reply by"), Cell(0.5, "3 July 2027")),
    ]  # fmt: skip
    assert read_as(page, C.LETTER_OF_CLAIM).balance_pence == 131000


def test_an_overpayment_kept_under_the_national_insurance_number() -> None:
    """A benefit office's overpayment demand, its only number the claimant's National
    Insurance number labelled as such: the reference."""
    page = [
        (Cell(0.08, "Department for Work and Pensions", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "You were overpaid Carer's Allowance."),),
        (Cell(0.1, "National Insurance number"), Cell(0.5, "QT 40 21 77 B")),
        (Cell(0.1, "Overpayment to repay"), Cell(0.5, "£1,204.00")),
    ]  # fmt: skip
    assert read_as(page, C.OVERPAYMENT).account_reference == "QT 40 21 77 B"


def test_a_court_s_warrant_quotes_the_claim_number_an_enforcer_s_case_no_does_not() -> None:
    """Read as an enforcement notice, the court's "Claim no. to quote" is the claim number;
    an enforcer's own "Case no." is its reference, no claim number."""
    page = [
        (Cell(0.08, "County Court at Caddenford", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A warrant of control has been issued to enforce the judgment."),),
        (Cell(0.1, "Claim no. to quote"), Cell(0.5, "K4QX119B")),
        (Cell(0.1, "Creditor's job reference"), Cell(0.5, "CF/77120")),
        (Cell(0.1, "Left to pay under the warrant"), Cell(0.5, "£648.10")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).court_claim_number == "K4QX119B"
    enforcer = [*page[:6], (Cell(0.1, "Tamsett case no."), Cell(0.5, "TFE5510293")), *page[7:]]
    assert read_as(enforcer, C.ENFORCEMENT_AGENT_NOTICE).court_claim_number is None


def test_a_date_whose_spaces_ocr_lost() -> None:
    """After OCR a date's parts may run together: a weekday glued to its day ("Wed02June
    2027"), a day's ordinal to the month and the month's point to the year ("3rdJun.2027"),
    the "3" of "3rd" read as "$": still the date; and "WED02JUNE" is no reference."""
    assert parse_date("Wed02June 2027") == dt.date(2027, 6, 2)
    assert parse_date("3rdJun.2027") == dt.date(2027, 6, 3)
    assert parse_date("$rdJun.2027") == dt.date(2027, 6, 3)
    assert parse_date("Wednesday") is None
    assert parse_reference("Wed02June") is None
    assert parse_reference("OXB551029") == "OXB551029"
