"""Kinds of reading added in round 40 of the reader (issue 14), from the misses of AR and AS,
each on wording and layouts unlike every corpus family (an invented county, Varrowshire,
and its town of Kestlebury: the Varrow Islands Council, Harrowgate Marine Credit Ltd, a
boatyard, a fish smokery, its enforcers and a sheriff court): the test checks the *kind* of
rule — a case number labelled with its procedure's two-word name ("Summary cause case
no."); a name beside its label wrapped onto the next line in its column; the body that
instructs the writer named by what it is ("Authority instructing us"); whoever the
judgment now enforced was obtained by, and the firm owed under the writ; a net pay said as
what was paid to the bank; a weekday every other week; a column header's value at its
column's total; a payslip read as other or as an award (an allowance among its lines of
pay); a letter about a debt the word model is sure is no debt at all; a participle, "by"
and who did it closing a label, and "Decision taken on", date the letter; a label set
flush right wraps onto its next line; a statement "As at" its date; a long label over its
amount alone under it is a label (round 39's leftover, AQ's inset box) — not a family's
phrase. Pages of made-up wording (exact word boxes), read by the rules as a given kind
(the shipped classifier plays no part); the class cues through ``refine_class``. Each
test failed on the old reader (main's ``src`` at 276e88e0, an archive of that commit, run
against it)."""

from __future__ import annotations

import datetime as dt

import attrs
from tests.unit.documents.reading_support import one_page, read_as, refined

from cma_adapters.rules_assistant import assistant
from cma_adapters.rules_assistant.assistant import extract, read
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Tomas Quayle"),),
    (Cell(0.08, "7 Netloft Row"),),
    (Cell(0.08, "Kestlebury, Varrowshire"),),
    (Cell(0.08, "VR3 8QT"),),
)


def test_a_case_number_labelled_with_its_procedure_s_name() -> None:
    """ "Summary cause case no." (the procedure named in two words before the label's
    full form) gives the claim number beside it."""
    page = [
        (Cell(0.08, "Kestlebury Sheriff Court", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A summary cause has been raised against you"),),
        (Cell(0.1, "Date of issue"), Cell(0.4, "3 June 2027"),
         Cell(0.6, "Summary cause case no."), Cell(0.85, "KST-SC3301-27")),
        (Cell(0.1, "Sum sued for"), Cell(0.4, "£1,480.00")),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).court_claim_number == "KST-SC3301-27"


def test_a_name_beside_its_label_wrapped_in_its_column_is_whole() -> None:
    """A claimant's name too long for its narrow column runs onto the next line under its
    own first word: the line joins it where it ends as a company's name does (Ltd), or the
    whole name is printed elsewhere in the letter; an address line under it does not."""
    page = [
        (Cell(0.08, "Kestlebury Sheriff Court", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A claim has been raised against you for an unpaid boat loan."),),
        (Cell(0.1, "Sum sued for"), Cell(0.35, "£2,914.50"),
         Cell(0.6, "Pursuer"), Cell(0.75, "Harrowgate Marine")),
        (Cell(0.75, "Credit Ltd"),),
        (Cell(0.1, "Date of issue"), Cell(0.35, "3 June 2027")),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).creditor_name == "Harrowgate Marine Credit Ltd"
    printed = [
        (Cell(0.08, "Kestlebury Sheriff Court", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Quayle Netloft Boatyard Partnership says you owe it for moorings."),),
        (Cell(0.1, "Sum sued for"), Cell(0.35, "£914.50"),
         Cell(0.6, "Pursuer"), Cell(0.75, "Quayle Netloft")),
        (Cell(0.75, "Boatyard Partnership"),),
        (Cell(0.1, "Date of issue"), Cell(0.35, "3 June 2027")),
    ]  # fmt: skip
    assert read_as(printed, C.COURT_CLAIM_N1).creditor_name == (
        "Quayle Netloft Boatyard Partnership"
    )
    address = [*printed[:6], (Cell(0.75, "Ferry Lane"),), *printed[7:]]
    assert read_as(address, C.COURT_CLAIM_N1).creditor_name != (
        "Quayle Netloft Boatyard Partnership Ferry Lane"
    )


def test_the_body_that_instructs_the_writer_named_by_what_it_is() -> None:
    """ "Authority instructing us" beside the council's name: the council is owed, not the
    sheriff officers who write."""
    page = [
        (Cell(0.08, "Kestlebury Sheriff Officers LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A summary warrant has been granted for your unpaid council tax."),),
        (Cell(0.1, "Due with the statutory addition"), Cell(0.45, "£1,312.40"),
         Cell(0.6, "Authority instructing us"), Cell(0.8, "Varrow Islands Council")),
        (Cell(0.1, "Pay by"), Cell(0.45, "24 June 2027")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == "Varrow Islands Council"


def test_whoever_obtained_the_judgment_enforced_is_owed() -> None:
    """An enforcer's notice: "the judgment obtained by X" in the body, or X under "Firm
    owed under the writ", names the creditor (not the enforcer's letterhead)."""
    prose = [
        (Cell(0.08, "Kestlebury High Court Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A writ of control was issued so that the judgment obtained by Skerry "
                    "Smokehouse Ltd can be enforced."),),
        (Cell(0.1, "Due under the writ"), Cell(0.6, "£3,120.75")),
        (Cell(0.1, "Pay by"), Cell(0.6, "24 June 2027")),
    ]  # fmt: skip
    assert read_as(prose, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == "Skerry Smokehouse Ltd"
    label = [
        (Cell(0.08, "Kestlebury High Court Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A writ of control has been issued to us by the High Court."),),
        (Cell(0.1, "Firm owed under the writ"), Cell(0.5, "Due under the writ")),
        (Cell(0.1, "Skerry Smokehouse Ltd"), Cell(0.5, "£3,120.75")),
    ]  # fmt: skip
    assert read_as(label, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == "Skerry Smokehouse Ltd"


_SLIP = [
    (Cell(0.35, "Skerry Smokehouse Ltd", bold=True),),
    (Cell(0.08, "Pay statement"),),
    (Cell(0.08, "Tomas Quayle, smoker"), Cell(0.8, "Paid 4 June 2027")),
    (Cell(0.08, "Wages paid every other Thursday"),),
    (Cell(0.08, "Line"), Cell(0.6, "Earned"), Cell(0.8, "Stopped")),
    (Cell(0.08, "Basic hours"), Cell(0.6, "1,040.00")),
    (Cell(0.08, "Boat allowance"), Cell(0.6, "30.00")),
    (Cell(0.08, "PAYE"), Cell(0.8, "98.20")),
    (Cell(0.08, "NIC"), Cell(0.8, "44.10")),
    (Cell(0.08, "Totals"), Cell(0.6, "1,070.00"), Cell(0.8, "142.30")),
    (Cell(0.08, "Remainder paid to your bank"), Cell(0.8, "927.70")),
]


def test_a_net_pay_said_as_what_was_paid_to_the_bank() -> None:
    """ "Remainder paid to your bank" (five words) is the net pay."""
    assert read_as(_SLIP, C.PAYSLIP).income_pence == 92770


def test_a_weekday_every_other_week_is_fortnightly() -> None:
    """ "Paid every other Thursday": every second week."""
    assert read_as(_SLIP, C.PAYSLIP).frequency == "fortnightly"


def test_a_column_header_s_value_is_its_column_s_total() -> None:
    """ "Earned" heads a column of lines of pay whose "Totals" row adds them up: the gross
    is the total, not the first line."""
    assert read_as(_SLIP, C.PAYSLIP).gross_pence == 107000


def test_a_payslip_read_as_other_or_an_award_is_a_payslip() -> None:
    """Pay before and after deductions, both labelled (the gross at its column's total), an
    allowance among its lines of pay ("Boat allowance", no benefit's name) and no award:
    read as other or as a benefit award, a payslip."""
    assert refined(_SLIP, C.OTHER) is C.PAYSLIP
    assert refined(_SLIP, C.BENEFIT_AWARD) is C.PAYSLIP
    # (a benefit's name, capitalised, still keeps an award)
    named = [*_SLIP, (Cell(0.08, "Carer's Allowance is paid separately."),)]
    assert refined(named, C.BENEFIT_AWARD) is C.BENEFIT_AWARD


def test_a_debt_letter_the_model_is_sure_is_no_debt_is_a_creditor_letter() -> None:
    """A letter that asks for a sum owed by a date, which the word model reads as other
    all but certainly: its likeliest debt kind, at odds of a billionth, is no reading; the
    generic letter about a debt is (a harbour's mooring charge, not utility arrears)."""
    page = [
        (Cell(0.08, "Kestlebury Harbour Moorings Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your mooring charge is still unpaid."),),
        (Cell(0.1, "Charge now owed"), Cell(0.6, "£240.00")),
        (Cell(0.1, "Settle no later than"), Cell(0.6, "24 June 2027")),
        (Cell(0.08, "Please pay the amount owed by 24 June 2027."),),
    ]  # fmt: skip
    sample = one_page(page)
    text = sample_text(sample)
    found = read(text, sample_pages(sample), None, given=C.OTHER).found
    odds = {"other": 1.0 - 3e-9, "utility_arrears": 2e-9, "magistrates_fine": 1e-9}
    assert assistant._owed_after_all(C.OTHER, 0.999, odds, found, text) is C.CREDITOR_LETTER
    # (where the model gives a debt kind real odds, its likeliest stands)
    odds = {"other": 0.6, "utility_arrears": 0.3, "magistrates_fine": 0.1}
    assert assistant._owed_after_all(C.OTHER, 0.6, odds, found, text) is C.UTILITY_ARREARS
    assert dt.date(2027, 6, 24) in {c.value for c in found["deadline_date"]}


def test_who_did_it_closing_the_label_dates_the_letter() -> None:
    """ "Notice sent by the moorings office" and "Demand signed by the harbourmaster"
    (a participle, "by" and who did it, no "on"): the letter's date, no deadline."""
    page = [
        (Cell(0.08, "Kestlebury Harbour Moorings Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We wrote to you about the charges on 2 April 2027."),),
        (Cell(0.1, "Notice sent by the moorings office"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Mooring charges owed"), Cell(0.6, "£640.00")),
        (Cell(0.1, "Clear the charges no later than"), Cell(0.6, "24 June 2027")),
    ]  # fmt: skip
    read_ = read_as(page, C.CREDITOR_LETTER)
    assert read_.letter_date == dt.date(2027, 6, 3)
    assert read_.deadline_date == dt.date(2027, 6, 24)
    signed = [*page[:6], (Cell(0.1, "Demand signed by the harbourmaster"),
                          Cell(0.6, "3 June 2027")), *page[7:]]  # fmt: skip
    assert read_as(signed, C.STATUTORY_DEMAND).letter_date == dt.date(2027, 6, 3)


def test_a_decision_taken_on_dates_the_award() -> None:
    """ "Decision taken on" beside its date, below the letter's top: the award letter's
    date."""
    page = [
        (Cell(0.08, "Varrow Islands Council", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We have decided your application of 2 April 2027 for a fuel grant."),),
        *[(Cell(0.08, "The grant helps islanders heat their homes through the winter."),)] * 14,
        (Cell(0.1, "Decision taken on"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Each payment to you"), Cell(0.6, "£42.00")),
        (Cell(0.1, "Paid how often"), Cell(0.6, "Every month")),
    ]  # fmt: skip
    assert read_as(page, C.BENEFIT_AWARD).letter_date == dt.date(2027, 6, 3)


def test_a_label_set_flush_right_wrapped_onto_its_next_line() -> None:
    """Labels set flush right against their values, one wrapped ("Letter before action" over
    "dated", the second line's right edge under the first's): one label."""
    page = [
        (Cell(0.08, "Kestlebury Legal LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We act for Skerry Smokehouse Ltd, which wrote to you on 2 April 2027."),),
        (Cell(0.12, "Letter before action"), Cell(0.35, "3 June 2027")),
        (Cell(0.26, "dated"),),
        (Cell(0.1, "Owed to our client"), Cell(0.35, "£1,204.00")),
        (Cell(0.1, "Reply no later than"), Cell(0.35, "3 July 2027")),
    ]  # fmt: skip
    sample = one_page(page)
    (printed,) = sample_pages(sample)
    words = list(printed.words)
    # (the labels' right edges level, as a right-aligned column prints them)
    first = [w for w in words if w.text in ("Letter", "before", "action")]
    dated = next(w for w in words if w.text == "dated")
    shift = first[-1].box.right - dated.box.right
    words = [
        attrs.evolve(w, box=attrs.evolve(w.box, left=w.box.left + shift)) if w is dated else w
        for w in words
    ]
    pages = (attrs.evolve(printed, words=tuple(words)),)
    read_ = extract(sample_text(sample), pages, None, given=C.LETTER_OF_CLAIM)
    assert read_.letter_date == dt.date(2027, 6, 3)
    assert read_.deadline_date == dt.date(2027, 7, 3)


def test_a_statement_as_at_its_date() -> None:
    """ "As at Thu 3 June 2027" heading a statement is its date, not its first line's."""
    page = [
        (Cell(0.08, "Kestlebury Fishers' Credit Union", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Member statement"), Cell(0.7, "As at Thu 3 June 2027")),
        (Cell(0.08, "Date"), Cell(0.25, "Transaction"), Cell(0.6, "Amount"), Cell(0.8, "Balance")),
        (Cell(0.08, "02.05.27"), Cell(0.25, "Wages"), Cell(0.6, "1,204.00"), Cell(0.8, "1,390.00")),
        (Cell(0.08, "09.05.27"), Cell(0.25, "Card Kestlebury Stores"), Cell(0.6, "(41.20)"),
         Cell(0.8, "1,348.80")),
        (Cell(0.08, "16.05.27"), Cell(0.25, "Loan repayment"), Cell(0.6, "(80.00)"),
         Cell(0.8, "1,268.80")),
        (Cell(0.08, "23.05.27"), Cell(0.25, "Card Harbour Cafe"), Cell(0.6, "(6.40)"),
         Cell(0.8, "1,262.40")),
    ]  # fmt: skip
    assert read_as(page, C.BANK_STATEMENT).letter_date == dt.date(2027, 6, 3)


def test_a_long_label_over_its_amount_is_a_label() -> None:
    """An inset box: "Left to settle on the harbour dues account" (seven words, no stop)
    over its amount alone in the cell under it, the parts of the sum listed below beside
    their own labels: the total is the balance, not a part."""
    page = [
        (Cell(0.08, "Kestlebury Harbour Authority", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "The harbour dues for your berth have not been paid as agreed."),),
        (Cell(0.7, "Left to settle on the harbour dues account"),),
        (Cell(0.1, "Notice dated"), Cell(0.84, "£612.40")),
        (Cell(0.1, "3 June 2027"),),
        (Cell(0.5, "Berth dues set for the year"), Cell(0.8, "820.00")),
        (Cell(0.5, "Already received"), Cell(0.8, "less 207.60")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).balance_pence == 61240


def test_an_amount_after_what_it_includes_is_its_sentence_s_subject() -> None:
    """ "Including the harbour's 5% surcharge, £708.30 is due.": the phrase that opens the
    sentence says what the sum includes; the amount is still what the sentence says is
    due (the only statement of the balance: its label names no balance)."""
    page = [
        (Cell(0.08, "Kestlebury Sheriff Officers LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Varrow Islands Council has passed your unpaid harbour dues to us."),),
        (Cell(0.1, "Dues with the 5% surcharge"), Cell(0.6, "£708.30")),
        (Cell(0.08, "Including the harbour's 5% surcharge, £708.30 is due. Pay it by "
                    "24 June 2027."),),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).balance_pence == 70830
