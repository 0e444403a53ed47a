"""Kinds of reading added in round 11 of the reader (issue 14), from the misses of S, each
on a letter worded and laid out unlike every corpus family (A-S): the test checks the
*kind* of rule — a numbered form's item, a label in two languages, a telephone number
beside a heading, a reference held by a third party, a name after a sentence's end, a body
printed twice side by side, a creditor label about the debt's past, the writer's
principal, an arrears letter's whole loan, a missed instalment, a rate in a sentence,
labels for how often, a centre that pays — not a family's phrase. Perfect text (exact
word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.test_reading_kinds_r10 import best, found

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.label_parts import label_starts
from cma_adapters.rules_assistant.values import parse_name
from cma_core.documents.model import DocumentClass

C = DocumentClass


# -- where a label starts in its cell -------------------------------------------------------


def test_a_numbered_form_s_item_number_is_not_part_of_its_label() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        [
            (Cell(0.08, "Civil National Business Centre"),),
            (Cell(0.1, "1. Issued"), Cell(0.55, "2 Mar 2028")),
            (Cell(0.1, "(b) Claimant"), Cell(0.55, "Pellow Brick Finance plc")),
            (Cell(0.1, "3. Taken as served on"), Cell(0.55, "7 Mar 2028")),
        ],
    )
    assert best(got, "creditor_name") == "Pellow Brick Finance plc"
    assert best(got, "served_date") == dt.date(2028, 3, 7)


def test_a_label_in_two_languages_is_read_in_either() -> None:
    got = found(
        C.UTILITY_ARREARS,
        [
            (Cell(0.08, "Ardnish Water Ltd"),),
            (
                Cell(0.08, "Suim ri phaigheadh air a chunntas / Amount outstanding"),
                Cell(0.8, "£812.40"),
            ),
            # (the slash drawn as a rule, lost from the words)
            (Cell(0.08, "Ceann-latha na litreach Letter date"), Cell(0.6, "9 Jun 2028")),
        ],
    )
    assert best(got, "balance_pence") == 81240
    assert best(got, "letter_date") == dt.date(2028, 6, 9)
    # read against their labels (not only as the page's one amount and one date)
    assert "Amount outstanding" in (got["balance_pence"][0].label or "")
    assert "Letter date" in (got["letter_date"][0].label or "")


def test_label_starts() -> None:
    assert label_starts("12) Sum due") == (1,)
    assert label_starts("Sum due") == (0,)
    assert label_starts("Swm / Amount") == (0, 1)
    assert label_starts("Paid on 01/02/2028 Thanks") == (0,)  # a figure: a sentence
    assert label_starts("Keld Home Ltd, formerly Keld Direct Ltd") == (0,)  # a comma


# -- whose number, whose name ----------------------------------------------------------------


def test_a_telephone_number_beside_a_heading_is_no_reference() -> None:
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.08, "Brockweir Credit Ltd"),),
            (Cell(0.08, "Accounts Team"), Cell(0.6, "Phone 0161 496 0032")),
            (Cell(0.08, "Customer Care Centre, 4 Mill Lane  |  0117 496 0555"),),
            (Cell(0.08, "Card number"), Cell(0.6, "5512 0043 1177 6021")),
        ],
    )
    assert best(got, "account_reference") == "5512 0043 1177 6021"


def test_a_number_held_by_a_third_party_is_not_the_account() -> None:
    got = found(
        C.ENFORCEMENT_AGENT_NOTICE,
        [
            (Cell(0.08, "Harlech Officers Ltd"),),
            (Cell(0.08, "Reference at the council"), Cell(0.6, "55009812")),
            (Cell(0.08, "Agent file no."), Cell(0.6, "HX-44120")),
        ],
    )
    assert best(got, "account_reference") == "HX-44120"


def test_a_name_after_a_sentence_s_end_and_a_body_printed_twice() -> None:
    got = found(
        C.ENFORCEMENT_AGENT_NOTICE,
        [
            (Cell(0.08, "Harlech Officers Ltd"),),
            (Cell(0.08, "Hello Ms Farrow. Tallis District Council has instructed us to"),),
            (Cell(0.08, "collect the sum below."),),
        ],
    )
    assert best(got, "creditor_name") == "Tallis District Council"
    got = found(
        C.ENFORCEMENT_AGENT_NOTICE,
        [
            (Cell(0.08, "Harlech Officers Ltd"),),
            (
                Cell(0.08, "Mae Cyngor Dosbarth Tallis wedi"),
                Cell(0.55, "Linton District Council has"),
            ),
            (
                Cell(0.08, "gofyn i ni gasglu'r swm isod."),
                Cell(0.55, "asked us to collect the sum."),
            ),
        ],
    )
    assert best(got, "creditor_name") == "Linton District Council"


def test_a_creditor_label_about_the_debt_s_past_names_the_original() -> None:
    got = found(
        C.NOTICE_OF_ASSIGNMENT,
        [
            (Cell(0.08, "Quarry Bank Receivables Ltd"),),
            (Cell(0.08, "Lender we purchased it from"), Cell(0.6, "Rowan Card Ltd")),
        ],
    )
    assert best(got, "creditor_name") == "Quarry Bank Receivables Ltd"
    assert best(got, "original_creditor") == "Rowan Card Ltd"


def test_the_writer_s_principal_is_the_creditor() -> None:
    got = found(
        C.LETTER_OF_CLAIM,
        [
            (Cell(0.08, "Crake & Co Solicitors LLP"),),
            (Cell(0.08, "Solicitors engaged by"), Cell(0.6, "Linnet Finance Ltd")),
        ],
    )
    assert best(got, "creditor_name") == "Linnet Finance Ltd"


# -- amounts ----------------------------------------------------------------------------------


def test_an_arrears_letter_s_whole_loan_is_not_the_debt() -> None:
    got = found(
        C.MORTGAGE_ARREARS,
        [
            (Cell(0.08, "Tolsey Homes Mortgages plc"),),
            (Cell(0.08, "Amount in arrears"), Cell(0.6, "£2,401.18")),
            (Cell(0.08, "Total mortgage balance outstanding"), Cell(0.6, "£96,020.00")),
        ],
    )
    assert best(got, "balance_pence") == 240118


def test_a_missed_instalment_and_a_sum_to_repay_are_owed_a_rate_is_not() -> None:
    got = found(
        C.COUNCIL_TAX,
        [
            (Cell(0.08, "Linton District Council"),),
            (Cell(0.08, "Instalment not received"), Cell(0.6, "£131.00")),
        ],
    )
    assert best(got, "balance_pence") == 13100
    got = found(
        C.OVERPAYMENT,
        [
            (Cell(0.08, "Linton District Council"),),
            (Cell(0.08, "We may take back £7.50 a week from what you are owed."),),
            (Cell(0.08, "Pension Credit to repay"), Cell(0.6, "£1,204.33")),
        ],
    )
    assert best(got, "balance_pence") == 120433


# -- income -----------------------------------------------------------------------------------


def test_how_often_named_as_a_cycle_or_an_interval() -> None:
    got = found(
        C.PAYSLIP,
        [
            (Cell(0.08, "Keld Joinery Ltd"),),
            (Cell(0.08, "Payroll cycle"), Cell(0.6, "Two weekly")),
        ],
    )
    assert best(got, "frequency") == "fortnightly"
    got = found(
        C.BENEFIT_AWARD,
        [
            (Cell(0.08, "Carer's Allowance Centre"),),
            (Cell(0.08, "Weekly rate"), Cell(0.6, "£80.00")),
            (Cell(0.08, "Instalment interval"), Cell(0.6, "Four weekly")),
        ],
    )
    assert best(got, "frequency") == "four_weekly"


def test_a_centre_is_an_organisation() -> None:
    assert parse_name("Disability Benefit Centre") == "Disability Benefit Centre"
    assert parse_name("Customer Contact Centre") is None
    assert parse_name("Centre") is None
