"""Kinds of reading added in round 43 of the reader (issue 14), from the misses of AX and AY
(and two kinds of OCR damage round 42 diagnosed and left), each on wording and layouts
unlike every corpus family (an invented county, Wrenmoor, and its town of Saltingley: the
Wrenmoor District Council, Saltingley Cooperage Ltd, a ferry company, a tannery, a bakery,
a debt collector, a firm of solicitors, enforcement agents and a county court): the test
checks the *kind* of rule, not a family's phrase. Pages of made-up wording (exact word
boxes), read by the rules as a given kind (the shipped classifier plays no part); the class
cues through ``refine_class``. Each test failed on the old reader (main's ``src`` at
4958731f, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_as, refined

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Tamsin Oakhurst"),),
    (Cell(0.08, "9 Ropewalk Terrace"),),
    (Cell(0.08, "Saltingley, Wrenmoor"),),
    (Cell(0.08, "WM3 8PL"),),
)


def test_a_ledger_carried_in_and_out_read_as_other_is_a_statement() -> None:
    """A ferry workers' savings club's ledger: its dated lines between "Savings brought
    over" and "Savings carried over", nothing asked, read as other: a bank statement."""
    page = [
        (Cell(0.08, "Saltingley Ferrymen's Savings Club", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Members' ledger"), Cell(0.7, "Printed 30 September 2027")),
        (Cell(0.08, "Savings brought over"), Cell(0.75, "412.60")),
        (Cell(0.08, "03/09"), Cell(0.3, "Deposit from wages"), Cell(0.75, "452.60")),
        (Cell(0.08, "10/09"), Cell(0.3, "Cash taken out"), Cell(0.75, "432.60")),
        (Cell(0.08, "17/09"), Cell(0.3, "Deposit from wages"), Cell(0.75, "472.60")),
        (Cell(0.08, "24/09"), Cell(0.3, "Club bonus"), Cell(0.75, "475.10")),
        (Cell(0.08, "Savings carried over"), Cell(0.75, "475.10")),
    ]  # fmt: skip
    assert refined(page, C.OTHER) is C.BANK_STATEMENT


def test_a_wage_advice_read_as_other_is_a_payslip() -> None:
    """A tannery's slip that calls itself a "Wage advice" and gives a payroll reference, pay
    before and after what is stopped (no "gross", "net pay", "deductions" or "employee"
    in it), read as other: a payslip."""
    page = [
        (Cell(0.08, "Saltingley Tannery Ltd", bold=True),),
        (Cell(0.08, "Wage advice"), Cell(0.7, "Payroll ref. 4471")),
        (Cell(0.08, "Tamsin Oakhurst, finisher"), Cell(0.7, "Dated 24 September 2027")),
        (Cell(0.08, "Item"), Cell(0.45, "Earnings"), Cell(0.7, "Stoppages")),
        (Cell(0.08, "Basic hours"), Cell(0.45, "1,640.00")),
        (Cell(0.08, "Income tax"), Cell(0.7, "164.20")),
        (Cell(0.08, "Union dues"), Cell(0.7, "11.80")),
        (Cell(0.08, "Totals"), Cell(0.45, "1,640.00"), Cell(0.7, "176.00")),
        (Cell(0.08, "Credited to your account"), Cell(0.7, "1,464.00")),
    ]  # fmt: skip
    assert refined(page, C.OTHER) is C.PAYSLIP


def test_what_was_paid_beside_what_was_withheld_totals_the_gross() -> None:
    """A bakery's payslip whose columns are "Paid" and "Withheld", its totals "Totals of
    the columns": the paid column's total is the gross pay."""
    page = [
        (Cell(0.08, "Wrenmoor Bakeries Ltd", bold=True),),
        (Cell(0.08, "Payslip"), Cell(0.7, "Pay date 24 September 2027")),
        (Cell(0.08, "Line"), Cell(0.45, "Paid"), Cell(0.7, "Withheld")),
        (Cell(0.08, "Salary"), Cell(0.45, "1,910.00")),
        (Cell(0.08, "Early start supplement"), Cell(0.45, "62.50")),
        (Cell(0.08, "Income tax"), Cell(0.7, "198.40")),
        (Cell(0.08, "National Insurance"), Cell(0.7, "101.10")),
        (Cell(0.08, "Totals of the columns"), Cell(0.45, "1,972.50"), Cell(0.7, "299.50")),
        (Cell(0.08, "Net pay"), Cell(0.7, "1,673.00")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).gross_pence == 197250


def test_what_is_for_you_to_keep_is_the_net_pay() -> None:
    """ "For you to keep" beside its figure: the net pay (not the first line's)."""
    page = [
        (Cell(0.08, "Saltingley Cooperage Ltd", bold=True),),
        (Cell(0.08, "Payslip"), Cell(0.7, "Paid 24 September 2027")),
        (Cell(0.08, "Barrel work"), Cell(0.75, "702.00")),
        (Cell(0.08, "Total earnings"), Cell(0.75, "702.00")),
        (Cell(0.08, "Tax"), Cell(0.75, "71.60")),
        (Cell(0.08, "NI"), Cell(0.75, "38.20")),
        (Cell(0.08, "For you to keep"), Cell(0.75, "592.20")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).income_pence == 59220


def test_what_was_paid_into_the_account_this_month_is_the_net_pay() -> None:
    """ "Paid into your account this month" beside its figure: the net pay."""
    page = [
        (Cell(0.08, "Saltingley Cooperage Ltd", bold=True),),
        (Cell(0.08, "Payslip"), Cell(0.7, "Pay date 30 September 2027")),
        (Cell(0.08, "Salary"), Cell(0.75, "2,204.00")),
        (Cell(0.08, "Total earnings"), Cell(0.75, "2,204.00")),
        (Cell(0.08, "Tax and NI"), Cell(0.75, "412.75")),
        (Cell(0.08, "Paid into your account this month"), Cell(0.75, "1,791.25")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).income_pence == 179125


def test_pay_on_alternate_weekdays_is_fortnightly() -> None:
    """ "How often" beside "On alternate Fridays": every two weeks."""
    page = [
        (Cell(0.08, "Saltingley Cooperage Ltd", bold=True),),
        (Cell(0.08, "Payslip"), Cell(0.7, "Pay date 17 September 2027")),
        (Cell(0.08, "How often"), Cell(0.4, "On alternate Fridays")),
        (Cell(0.08, "Total earnings"), Cell(0.75, "1,120.00")),
        (Cell(0.08, "Net pay"), Cell(0.75, "948.10")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).frequency == "fortnightly"


def test_whoever_the_arrears_are_recovered_for_is_owed() -> None:
    """A collector's "Recovering the arrears for" over the owner's name (what is collected
    named between the verb and "for"): the creditor, whole, not the shorter name of the
    body's sentence nor the collector."""
    page = [
        (Cell(0.08, "Gillimot Recoveries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Wrenmoor Ferries have asked us to recover what you owe them."),),
        (Cell(0.1, "Our file"), Cell(0.6, "GR-20418")),
        (Cell(0.1, "Owed now"), Cell(0.6, "£688.40")),
        (Cell(0.1, "Recovering the arrears for"), Cell(0.6, "Wrenmoor Ferries Ltd")),
        (Cell(0.1, "Pay us by"), Cell(0.6, "14 October 2027")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Wrenmoor Ferries Ltd"


def test_a_paragraph_beside_the_labels_is_no_value_of_theirs() -> None:
    """Labels each over its value in a left column, a paragraph in a column beside them:
    the paragraph's line beside "Posted", which ends on the date to pay by, is not the
    letter's date (the date under the label is), and the deadline stays the deadline."""
    page = [
        (Cell(0.08, "Wrenmoor District Council", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your garden waste charges are unpaid"),),
        (Cell(0.45, "The charges unpaid come to £96.00. Please pay them all, or ring"),),
        (Cell(0.1, "Posted"), Cell(0.45, "us to spread them out, by 12 October 2027.")),
        (Cell(0.1, "28 September 2027"),),
        (Cell(0.45, "If we hear nothing we may pass the account to our collectors and add"),),
        (Cell(0.1, "Garden waste account"), Cell(0.45, "their costs to what you owe us today.")),
        (Cell(0.1, "GW-558201"),),
        (Cell(0.1, "Charges unpaid"),),
        (Cell(0.1, "£96.00"),),
        (Cell(0.1, "Pay the council by"),),
        (Cell(0.1, "12 October 2027"),),
    ]  # fmt: skip
    got = read_as(page, C.COUNCIL_TAX)
    assert (got.letter_date, got.deadline_date) == (dt.date(2027, 9, 28), dt.date(2027, 10, 12))


def test_the_number_allotted_to_the_claim_is_the_claim_number() -> None:
    """ "Number allotted to your claim" beside its value: the court's claim number."""
    page = [
        (Cell(0.08, "County Court at Saltingley", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment has been entered against you for Saltingley Cooperage Ltd."),),
        (Cell(0.1, "Number allotted to your claim"), Cell(0.6, "Q4RW81T3")),
        (Cell(0.1, "Judgment sum"), Cell(0.6, "£1,204.60")),
        (Cell(0.1, "Pay the claimant by"), Cell(0.6, "20 October 2027")),
    ]  # fmt: skip
    assert read_as(page, C.COUNTY_COURT_JUDGMENT).court_claim_number == "Q4RW81T3"


def test_the_day_judgment_was_given_dates_the_judgment() -> None:
    """A judgment's only date of its own, "Judgment given by the district judge" over it:
    the date of the judgment's paper (the date to pay by is the deadline)."""
    page = [
        (Cell(0.08, "County Court at Saltingley", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Saltingley Cooperage Ltd has judgment against you for unpaid barrels."),),
        (Cell(0.1, "Judgment given by the district judge"),),
        (Cell(0.1, "6 October 2027"),),
        (Cell(0.1, "Claim number"), Cell(0.6, "Q4RW81T3")),
        (Cell(0.1, "Judgment sum"), Cell(0.6, "£1,204.60")),
        (Cell(0.1, "Pay the claimant by"), Cell(0.6, "3 November 2027")),
    ]  # fmt: skip
    assert read_as(page, C.COUNTY_COURT_JUDGMENT).letter_date == dt.date(2027, 10, 6)


def test_an_ni_number_printed_without_spaces_is_the_overpayment_s_reference() -> None:
    """A benefit office's demand kept under the claimant's National Insurance number,
    printed without its spaces: the reference."""
    page = [
        (Cell(0.08, "Wrenmoor Benefits Office", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We paid you too much Housing Benefit and must ask for it back."),),
        (Cell(0.1, "Your National Insurance number"), Cell(0.6, "JT481736B")),
        (Cell(0.1, "Housing Benefit overpaid"), Cell(0.6, "£540.20")),
        (Cell(0.1, "Repay us by"), Cell(0.6, "1 November 2027")),
    ]  # fmt: skip
    assert read_as(page, C.OVERPAYMENT).account_reference == "JT481736B"


def test_a_debt_with_a_fee_named_with_its_amount_is_the_balance() -> None:
    """An enforcer's "Unpaid rent plus our £95 costs" over its amount: the whole owed (the
    fee's amount in the label is no sentence's figure)."""
    page = [
        (Cell(0.08, "Harrowsett Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Saltingley Cooperage Ltd has instructed us to collect what you owe."),),
        (Cell(0.1, "Our case"), Cell(0.6, "HE-77120")),
        (Cell(0.1, "Unpaid rent plus our £95 costs"),),
        (Cell(0.1, "£1,430.00"),),
        (Cell(0.1, "Pay us before"), Cell(0.6, "9 October 2027")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).balance_pence == 143000


def test_a_box_s_rule_read_before_the_name_is_no_part_of_it() -> None:
    """OCR's reading of a box's left rule and its floor before the value ("|_ X Ltd", round
    42's kind left): the name without them."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A claim has been issued against you."),),
        (Cell(0.1, "Claimant"), Cell(0.6, "|_ Saltingley Cooperage Ltd")),
        (Cell(0.1, "Claim number"), Cell(0.6, "Q4RW81T3")),
        (Cell(0.1, "Amount claimed"), Cell(0.6, "£1,204.60")),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).creditor_name == "Saltingley Cooperage Ltd"


def test_whoever_claims_it_from_you_is_owed() -> None:
    """ "X claims from you the unpaid balance", "X is claiming money from you" (round 42's
    kind left): X is owed, not the court that writes."""
    for sentence in (
        "Wrenmoor Tannery Ltd claims from you the unpaid balance of its invoices.",
        "Wrenmoor Tannery Ltd is claiming money from you for hides it supplied.",
    ):
        page = [
            (Cell(0.08, "County Court at Saltingley", bold=True),),
            *_ADDRESSEE,
            (Cell(0.08, sentence),),
            (Cell(0.1, "Claim number"), Cell(0.6, "Q4RW81T3")),
            (Cell(0.1, "Amount claimed"), Cell(0.6, "£2,310.00")),
        ]  # fmt: skip
        assert read_as(page, C.COURT_CLAIM_N1).creditor_name == "Wrenmoor Tannery Ltd", sentence


def test_specks_over_a_row_of_labels_are_no_values_of_theirs() -> None:
    """OCR's reading of punched holes or a clip over a row of labels ("C)", "e)"), each
    label's value under it, a blank line or two below: the specks are no strip of values
    printed over their labels."""
    page = [
        (Cell(0.08, "Quarrendon Debt Purchase Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Wrenmoor Ferries Ltd has sold your account to us."),),
        (Cell(0.15, "e)"), Cell(0.42, "C)"), Cell(0.7, "C)")),
        (Cell(0.1, "Notice printed"), Cell(0.4, "Your number with us"), Cell(0.7, "Sum bought")),
        (),
        (),
        (Cell(0.1, "2 October 2027"), Cell(0.4, "QDP5520913"), Cell(0.7, "£733.90")),
        (Cell(0.1, "Ferry company that sold it"), Cell(0.4, "Its old number")),
        (Cell(0.1, "Wrenmoor Ferries Ltd"), Cell(0.4, "WF-118204")),
    ]  # fmt: skip
    assert read_as(page, C.NOTICE_OF_ASSIGNMENT).account_reference == "QDP5520913"


def test_an_amount_spaced_before_its_thousands_comma_is_whole() -> None:
    """ "£2 ,318.45" (OCR's space before the thousands comma) beside its label: £2,318.45,
    not £2."""
    page = [
        (Cell(0.08, "Saltingley Homes", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your rent account is behind."),),
        (Cell(0.1, "Rent account"), Cell(0.6, "SH-40917")),
        (Cell(0.1, "Arrears to clear"), Cell(0.6, "£2 ,318.45")),
        (Cell(0.1, "Rent each week"), Cell(0.6, "£141.20")),
    ]  # fmt: skip
    assert read_as(page, C.RENT_ARREARS).balance_pence == 231845


def test_the_tax_week_a_date_carries_is_no_frequency() -> None:
    """ "Paid on 30 September 2027, week 27" (the tax week after the date's year) beside
    "Paid on the last Friday monthly": the pay is monthly, not weekly."""
    page = [
        (Cell(0.08, "Saltingley Cooperage Ltd", bold=True),),
        (Cell(0.08, "Payslip"), Cell(0.55, "Paid on 30 September 2027, week 27")),
        (Cell(0.08, "Paid on the last Friday monthly"),),
        (Cell(0.08, "Total earnings"), Cell(0.75, "2,204.00")),
        (Cell(0.08, "Net pay"), Cell(0.75, "1,791.25")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).frequency == "monthly"
