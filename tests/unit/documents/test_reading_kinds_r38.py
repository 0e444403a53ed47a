"""Kinds of reading added in round 38 of the reader (issue 14), from the misses of AN and AO,
each on wording and layouts unlike every corpus family (the Isle of Eigg: Galmisdale sheriff
officers and sheriff court, a Cleadale fuel merchant; an invented Ulster county court at
Kilbrack and its judgments office; a Cornish parish council by its Cornish name): the test
checks the *kind* of rule — an enforcer that names the one "instructing us", or says the
account "has been passed to us", serves an enforcement notice; a decree (judgment) told as
given is no claim; an office already enforcing a judgment serves an enforcement notice, not
the judgment; a heating oil supplier's arrears are a supplier's, not a catalogue's; a
simple procedure case number in hyphenated parts and a county court's record number
("yy/nnnnn/LL") are claim numbers; a creditor's label names a body without an organisation's
word; a name the letter glosses as a body ("X, the Y Council") heads the letter; "X claims
against you", "the civil bill of X" name the creditor (a gloss OCR misread a letter of
still does); an office's letters before a slashed number, or before figures whose hyphen
OCR read as a space, are the reference's; a decree's sum and a debt "with the enforcement fees"
are the balance; a sum printed as an equation gives its result; an amount's label is no
original creditor's, whose label may wrap; "X or Y account" is a reference label, and a
date no reference; a net wage is the net pay — not a family's phrase. Pages of made-up
wording (exact word boxes), read by the rules as a given kind (the shipped classifier
plays no part); the class cues through ``refine_class``. Each test failed on the old
reader (main's ``src`` at e34445c4, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_as, refined

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Ruaraidh Kerr"),),
    (Cell(0.08, "3 Pier Brae"),),
    (Cell(0.08, "Galmisdale, Isle of Eigg"),),
    (Cell(0.08, "PH42 4RL"),),
)


def test_an_enforcer_naming_the_one_instructing_it_serves_an_enforcement_notice() -> None:
    """Sheriff officers collect a council's unpaid charges: they name the "creditor
    instructing us" and say the account has been passed to them — an enforcement notice,
    however much the charges' words read as the council's or a supplier's letter."""
    page = [
        (Cell(0.08, "Galmisdale Sheriff Officers", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Charge for payment: water and sewerage charges", bold=True),),
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Unpaid charges and 10% addition"), Cell(0.6, "£402.60")),
        (Cell(0.1, "Authority instructing us"), Cell(0.6, "Small Isles Water Board")),
        (Cell(0.08, "Your unpaid water charges have been passed to us for collection."),),
        (Cell(0.08, "Please pay the water charges within 14 days."),),
    ]  # fmt: skip
    assert refined(page, C.UTILITY_ARREARS) is C.ENFORCEMENT_AGENT_NOTICE
    assert refined(page, C.COUNCIL_TAX) is C.ENFORCEMENT_AGENT_NOTICE


_DECREE = [
    (Cell(0.08, "Galmisdale Sheriff Court", bold=True),),
    *_ADDRESSEE,
    (Cell(0.1, "Sheriff court case number"), Cell(0.6, "SIM-GLM-27-0415")),
    (Cell(0.08, "Your simple procedure case", bold=True),),
    (Cell(0.08, "The claim by Cleadale Fuels Ltd was not answered. On 2 June 2027 the sheriff"),),
    (Cell(0.08, "has now granted decree against you for £1,310.00."),),
    (Cell(0.08, "You may ask the court for time to pay."),),
]  # fmt: skip


def test_a_decree_told_as_granted_is_a_judgment_not_a_claim() -> None:
    """A sheriff court's letter says the decree has been granted (as done): a judgment, not
    the claim the word model reads in its claim's words. A claim that says decree may be
    granted if the claim is not answered stays a claim."""
    assert refined(_DECREE, C.COURT_CLAIM_N1) is C.COUNTY_COURT_JUDGMENT
    claim = [
        *_DECREE[:5],
        (Cell(0.08, "Cleadale Fuels Ltd claims £1,310.00 from you. If you do not answer by"),),
        (Cell(0.08, "1 July 2027, decree may be granted against you."),),
    ]  # fmt: skip
    assert refined(claim, C.COURT_CLAIM_N1) is C.COURT_CLAIM_N1


def test_a_scottish_case_number_in_parts_is_the_claim_number() -> None:
    """The procedure's and the court's letters each a part, then the year and the number,
    under a four-word label ("Sheriff court case number")."""
    read_ = read_as(_DECREE, C.COUNTY_COURT_JUDGMENT)
    assert read_.court_claim_number == "SIM-GLM-27-0415"


def test_an_office_already_enforcing_a_judgment_serves_an_enforcement_notice() -> None:
    """A judgments office writes that the creditor "has applied" to it to enforce the
    judgment (an enforcement officer signs): the enforcer's notice, not the judgment. A
    court's judgment that says the creditor may apply to enforce it stays a judgment."""
    page = [
        (Cell(0.08, "Kilbrack Judgments Office", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Office reference"), Cell(0.6, "KJO 27/311402")),
        (Cell(0.08, "Cleadale Fuels Ltd holds a judgment against you and has applied to the"),),
        (Cell(0.08, "office to enforce it."),),
        (Cell(0.1, "Judgment debt with the enforcement fees"), Cell(0.6, "£1,480.00")),
        (Cell(0.08, "Enforcement Officer"),),
    ]  # fmt: skip
    assert refined(page, C.COUNTY_COURT_JUDGMENT) is C.ENFORCEMENT_AGENT_NOTICE
    judgment = [
        *page[:5],
        (Cell(0.08, "Judgment was entered against you. If it is not paid, Cleadale Fuels Ltd"),),
        (Cell(0.08, "may apply to an enforcement officer to enforce it."),),
        (Cell(0.1, "Judgment debt"), Cell(0.6, "£1,480.00")),
    ]  # fmt: skip
    assert refined(judgment, C.COUNTY_COURT_JUDGMENT) is C.COUNTY_COURT_JUDGMENT


def test_an_office_s_letters_before_its_slashed_number_are_the_reference_s() -> None:
    """ "KJO 27/311402": the office's letters as a word of their own, then the year and
    the number; and the debt "with the enforcement fees" is the balance, not a fee."""
    page = [
        (Cell(0.08, "Kilbrack Judgments Office", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Office reference"), Cell(0.6, "KJO 27/311402")),
        (Cell(0.1, "Judgment debt with the enforcement fees"), Cell(0.6, "£1,480.00")),
    ]  # fmt: skip
    read_ = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert read_.account_reference == "KJO 27/311402"
    assert read_.balance_pence == 148000


def test_heating_oil_arrears_are_a_supplier_s_not_a_catalogue_s() -> None:
    """A fuel merchant's overdue account for kerosene delivered ("we cannot take further
    orders"): a supplier's arrears, not pay-later or catalogue arrears."""
    page = [
        (Cell(0.08, "Cleadale Fuels Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Fuel account"), Cell(0.6, "CF-20417")),
        (Cell(0.08, "The kerosene we delivered in March is unpaid and your account is overdue."),),
        (Cell(0.1, "Overdue"), Cell(0.6, "£688.20")),
        (Cell(0.08, "We cannot take further orders until the account is paid."),),
    ]  # fmt: skip
    assert refined(page, C.BNPL_CATALOGUE_ARREARS) is C.UTILITY_ARREARS


def test_a_county_court_record_number_is_the_claim_number() -> None:
    """A Northern Irish county court's "Record No.": the year, the number and the list's
    letters, the claim number (and so not the account's reference); the plaintiff named
    with its role after it, and a civil bill "served on the defendant"."""
    page = [
        (Cell(0.08, "County Court at Kilbrack", bold=True),),
        (Cell(0.1, "Record No."), Cell(0.6, "27/31842/QT")),
        (Cell(0.1, "Cleadale Fuels Ltd"), Cell(0.8, "Plaintiff")),
        (Cell(0.1, "Ruaraidh Kerr"), Cell(0.8, "Defendant")),
        (Cell(0.1, "Plaintiff's fuel account"), Cell(0.6, "CF-20417")),
        (Cell(0.1, "Sum claimed"), Cell(0.6, "£688.20")),
        (Cell(0.1, "Civil bill served on the defendant"), Cell(0.6, "4 June 2027")),
    ]  # fmt: skip
    read_ = read_as(page, C.COURT_CLAIM_N1)
    assert read_.court_claim_number == "27/31842/QT"
    assert read_.account_reference == "CF-20417"
    assert read_.creditor_name == "Cleadale Fuels Ltd"
    assert read_.served_date == dt.date(2027, 6, 4)


def test_a_creditor_label_names_a_body_without_an_organisation_s_word() -> None:
    """ "Authority instructing us" over its value, in a list of labels over values (one
    label with a rate in it): the body's name in its own language, no organisation's word
    in English."""
    page = [
        (Cell(0.08, "Galmisdale Sheriff Officers", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Charge date"),),
        (Cell(0.08, "3 June 2027"),),
        (Cell(0.08, "Arrears with the 8% statutory addition"),),
        (Cell(0.08, "£402.60"),),
        (Cell(0.08, "Authority instructing us"),),
        (Cell(0.08, "Konsel Pluw Lanust"),),
        (Cell(0.08, "Days of charge end"),),
        (Cell(0.08, "17 June 2027"),),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == "Konsel Pluw Lanust"


def test_a_name_the_letter_glosses_as_a_body_heads_it() -> None:
    """A parish council heads its letter with its Cornish name and glosses it at the foot
    ("X, the Lanust Parish Council"): that name is the creditor."""
    page = [
        (Cell(0.08, "Konsel Pluw Lanust", bold=True),),
        (Cell(0.08, "Church Lane, Lanust"),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Allotment rent unpaid"), Cell(0.6, "£64.00")),
        (Cell(0.08, "Please pay the allotment rent by 1 July 2027."),),
        (Cell(0.08, "Konsel Pluw Lanust, the Lanust Parish Council."),),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Konsel Pluw Lanust"


def test_a_court_s_letter_names_the_creditor_as_the_one_who_claims() -> None:
    """A court writes in its own name: "X claims against you", or the judgment on "the
    civil bill of X", names the creditor, not the court."""
    claim = [
        (Cell(0.08, "County Court at Kilbrack", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "Cleadale Fuels Ltd claims against you for fuel it delivered."),),
        (Cell(0.1, "Sum claimed"), Cell(0.6, "£688.20")),
    ]  # fmt: skip
    assert read_as(claim, C.COURT_CLAIM_N1).creditor_name == "Cleadale Fuels Ltd"
    decree = [
        *claim[:6],
        (Cell(0.08, "The civil bill of Cleadale Fuels Ltd was not defended, and the court"),),
        (Cell(0.08, "has made a decree against you."),),
        (Cell(0.1, "Decree granted for"), Cell(0.6, "£688.20")),
    ]  # fmt: skip
    read_ = read_as(decree, C.COUNTY_COURT_JUDGMENT)
    assert read_.creditor_name == "Cleadale Fuels Ltd"
    assert read_.balance_pence == 68820


def test_a_sum_printed_as_an_equation_gives_its_result() -> None:
    """Each figure of "£X + £Y = £Z" under a label of its own ("Arrears before", "Missed
    this month", "To clear on your plan or account"): the result, whatever the parts'
    labels say."""
    page = [
        (Cell(0.08, "Eigg Pay Monthly Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Arrears before"), Cell(0.4, "Missed this month"),
         Cell(0.7, "To clear on your plan or account")),
        (Cell(0.1, "£120.00"), Cell(0.3, "+"), Cell(0.4, "£60.00"), Cell(0.6, "="),
         Cell(0.7, "£180.00")),
    ]  # fmt: skip
    assert read_as(page, C.BNPL_CATALOGUE_ARREARS).balance_pence == 18000


def test_an_amount_s_label_names_no_original_creditor_whose_label_may_wrap() -> None:
    """ "Balance bought from the lender" is the amount's label, not the original
    creditor's (nor is the next label, a name's word in it: "Finance firm that sold"), whose
    label wraps its object to the next line ("… that sold / the account")."""
    page = [
        (Cell(0.08, "Galmisdale Debt Purchase Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Balance bought from the"), Cell(0.6, "£688.20")),
        (Cell(0.1, "lender"),),
        (Cell(0.1, "Finance firm that sold"), Cell(0.6, "Cleadale Fuels Ltd")),
        (Cell(0.1, "the account"),),
        (Cell(0.08, "Your fuel account has been assigned to us."),),
    ]  # fmt: skip
    assert read_as(page, C.NOTICE_OF_ASSIGNMENT).original_creditor == "Cleadale Fuels Ltd"


def test_an_account_with_two_names_is_a_reference_label_and_a_date_no_reference() -> None:
    """ "Store or pay monthly account" over its value beside a date under "Sent": the
    reference is the account's, not the date."""
    page = [
        (Cell(0.08, "Eigg Pay Monthly Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Sent"), Cell(0.6, "Store or pay monthly account")),
        (Cell(0.1, "3-Jun-27"), Cell(0.6, "EPM40917222")),
        (Cell(0.1, "Overdue"), Cell(0.6, "£180.00")),
    ]  # fmt: skip
    assert read_as(page, C.BNPL_CATALOGUE_ARREARS).account_reference == "EPM40917222"


def test_a_net_wage_is_the_net_pay() -> None:
    """A wage packet's "Net wage" is what reaches the worker, above a rate of hours."""
    page = [
        (Cell(0.08, "Cleadale Fuels Ltd", bold=True),),
        (Cell(0.1, "Pay day"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Paid"), Cell(0.6, "Paid weekly")),
        (Cell(0.1, "Hours"), Cell(0.6, "38 at 12.40")),
        (Cell(0.1, "Gross wage"), Cell(0.7, "471.20")),
        (Cell(0.1, "Deductions"), Cell(0.7, "61.20")),
        (Cell(0.1, "Net wage"), Cell(0.7, "410.00")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).income_pence == 41000


def test_capitals_before_figures_whose_hyphen_ocr_lost_are_the_reference_s() -> None:
    """ "GSO 40417-RT": the officers' capitals, a space OCR read for the hyphen after them,
    then the figures and letters: the reference whole, not "40417-RT"."""
    page = [
        (Cell(0.08, "Galmisdale Sheriff Officers", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Officers' file number"), Cell(0.6, "GSO 40417-RT")),
        (Cell(0.1, "Unpaid charges"), Cell(0.6, "£402.60")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).account_reference == "GSO 40417-RT"


def test_a_gloss_ocr_misread_a_letter_of_still_names_the_letterhead() -> None:
    """The foot's gloss read with a letter wrong ("Konsel Pluw Lanust" printed at the head,
    "Konsel Pluw Lamust, the Lanust Parish Council" read at the foot): the same name."""
    page = [
        (Cell(0.08, "Konsel Pluw Lanust", bold=True),),
        (Cell(0.08, "Church Lane, Lanust"),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Allotment rent unpaid"), Cell(0.6, "£64.00")),
        (Cell(0.08, "Konsel Pluw Lamust, the Lanust Parish Council."),),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Konsel Pluw Lanust"
