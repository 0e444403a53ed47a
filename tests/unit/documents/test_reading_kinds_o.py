"""Kinds of reading added in round 8 of the reader (issue 14), from family O's misses,
each on a letter worded and laid out unlike every corpus family (A-D, H, K, L, M, N, O):
the test checks the *kind* of rule — a date with its month first, a reference in groups,
pounds and pence in columns of their own, a column's total, a department after its
organisation, a form's own words, an e-mail's sender, two references under one label,
roles named in capitals or for "our client", an amount said to be paid to the client —
not a family's phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_adapters.rules_assistant.assistant import refine_class
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import Candidate, parse_date, parse_name, parse_reference
from cma_core.documents.model import DocumentClass

C = DocumentClass


def found(cls: DocumentClass, *rows: tuple[Cell, ...]) -> dict[str, list[Candidate]]:
    """Every candidate per field for a page read as ``cls``."""
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(list(rows),))
    layouts = [page_layout(p) for p in sample_pages(sample)]
    return read_fields(layouts, sample_text(sample), cls)


def best(candidates: dict[str, list[Candidate]], field: str) -> object:
    got = candidates[field]
    return got[0].value if got and got[0].score > 0 else None


# -- how values are written -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Issued on Feb 9, 2027 by our office", dt.date(2027, 2, 9)),
        ("Please reply by November 3rd 2026.", dt.date(2026, 11, 3)),
        ("Sent: Sept 30, 2025 17:02", dt.date(2025, 9, 30)),
    ],
)
def test_a_date_with_its_month_first(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QX71 4410 2398", "QX71 4410 2398"),  # a bank-style prefix
        ("Ref   8830 1172 55   Band C", "8830 1172 55"),  # a short closing group, then a gap
        ("601 228 KT", "601 228 KT"),  # letters closing it, at the cell's end
        ("card 4410 2398 12 months ago", "4410 2398"),  # a count after it is no group
    ],
)
def test_a_reference_in_groups(text: str, expected: str) -> None:
    assert parse_reference(text) == expected


# -- tables ---------------------------------------------------------------------------------


def test_pounds_and_pence_in_columns_of_their_own() -> None:
    got = found(
        C.RENT_ARREARS,
        (Cell(0.08, "Oakhurst Homes Ltd"),),
        (Cell(0.08, "Item"), Cell(0.7, "£"), Cell(0.8, "p")),
        (Cell(0.08, "Rent for the quarter"), Cell(0.66, "1,240"), Cell(0.8, "50")),
        (Cell(0.08, "Paid since"), Cell(0.68, "600"), Cell(0.8, "00")),
        (Cell(0.08, "Arrears balance"), Cell(0.68, "640"), Cell(0.8, "50")),
    )
    assert best(got, "balance_pence") == 64050


def test_an_amount_that_sums_the_column_above_it_is_the_total() -> None:
    got = found(
        C.UTILITY_ARREARS,
        (Cell(0.08, "Corrie Gas and Power Ltd"),),
        (Cell(0.08, "Unpaid standing charges"), Cell(0.7, "£212.40")),
        (Cell(0.08, "Collection fee"), Cell(0.7, "£30.00")),
        (Cell(0.08, "What is now behind"), Cell(0.7, "£242.40")),
    )
    assert best(got, "balance_pence") == 24240


def test_repay_names_the_debt_in_a_sentence() -> None:
    got = found(
        C.OVERPAYMENT,
        (Cell(0.08, "Tamar Borough Council"),),
        (Cell(0.08, "We paid you too much rent help. The sum you need to repay is £318.06."),),
    )
    assert best(got, "balance_pence") == 31806


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wealden District Council Council Tax Section", "Wealden District Council"),
        ("Marsden Building Society Arrears Team", "Marsden Building Society"),
        ("Teign Council Housing Income", "Teign Council"),
        ("For office use only", None),
        ("Date of Issue Service", None),
        ("Court account", None),
        ("Student Support UK", "Student Support UK"),
    ],
)
def test_a_department_or_a_form_s_words_is_no_name(text: str, expected: str | None) -> None:
    assert parse_name(text) == expected


def test_an_e_mail_s_sender_is_its_letterhead() -> None:
    got = found(
        C.BNPL_CATALOGUE_ARREARS,
        (Cell(0.08, "From: Lumo Credit Ltd <care@lumo.example>"),),
        (Cell(0.08, "To: someone@example.org"),),
        (Cell(0.08, "Hello, your order ZX40021983 has a missed instalment."),),
    )
    assert best(got, "creditor_name") == "Lumo Credit Ltd"
    assert best(got, "account_reference") == "ZX40021983"


def test_a_label_between_words_above_and_a_figure_below_reads_down() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        (Cell(0.08, "Claimant"), Cell(0.66, "Office use")),
        (Cell(0.08, "Harlow Lending plc"), Cell(0.66, "Case no.")),
        (Cell(0.08, "Defendant"), Cell(0.66, "K7PQ2291")),
        (Cell(0.08, "Ms Jo Ferris"), Cell(0.66, "Issued")),
        (Cell(0.66, "4 May 2027"),),
    )
    assert best(got, "court_claim_number") == "K7PQ2291"
    assert best(got, "creditor_name") == "Harlow Lending plc"


def test_two_references_under_one_label() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Brereton Recoveries Ltd"),),
        (Cell(0.6, "Our reference / Your reference"),),
        (Cell(0.6, "QQ/771/B / 55120934"),),
    )
    assert best(got, "account_reference") == "55120934"


# -- roles in the body ----------------------------------------------------------------------


def test_roles_named_in_capitals_and_for_our_client() -> None:
    judgment = found(
        C.COUNTY_COURT_JUDGMENT,
        (Cell(0.08, "JUDGMENT FOR CLAIMANT"),),
        (Cell(0.08, "DETAILS: SUM DUE ON ACCOUNT 7781002 FORMERLY WITH NORTHWOLD CREDIT PLC,"),),
        (Cell(0.08, "NOW OWNED BY THE CLAIMANT."),),
    )
    assert best(judgment, "original_creditor") == "NORTHWOLD CREDIT PLC"
    agent = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Weaver Collections Ltd"),),
        (Cell(0.08, "We write for our client Ashgrove Capital Ltd, which purchased your"),),
        (Cell(0.08, "account from Pelham Cards Ltd last year."),),
    )
    assert best(agent, "creditor_name") == "Ashgrove Capital Ltd"
    assert best(agent, "original_creditor") == "Pelham Cards Ltd"


def test_a_magistrates_court_that_issued_the_warrant_is_owed_the_fine() -> None:
    got = found(
        C.ENFORCEMENT_AGENT_NOTICE,
        (Cell(0.08, "Stour Enforcement Ltd"),),
        (Cell(0.08, "Dover Magistrates' Court issued the warrant for your unpaid fine."),),
    )
    assert best(got, "creditor_name") == "Dover Magistrates' Court"


def test_an_amount_said_to_be_paid_to_the_client_is_income() -> None:
    got = found(
        C.BENEFIT_AWARD,
        (Cell(0.08, "Pension Service"),),
        (Cell(0.08, "From 2 June we will pay you £71.25 every week into your bank."),),
    )
    assert best(got, "income_pence") == 7125


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date of notice  Ist Apr 2027", dt.date(2027, 4, 1)),
        ("dated 2Ist February 2027", dt.date(2027, 2, 21)),
        ("by llth Sep 2026", dt.date(2026, 9, 11)),
        ("Date: Sth March 2027", dt.date(2027, 3, 5)),  # a 5 read as S
        ("Issued Apr9,2027 at noon", dt.date(2027, 4, 9)),  # the spaces lost
        ("South May 2026 branch", None),
        ("a list May 2026 of payments", None),  # a word, not a misread ordinal
    ],
)
def test_an_ordinal_day_with_its_one_misread_as_a_letter(
    text: str, expected: dt.date | None
) -> None:
    assert parse_date(text) == expected


def test_a_number_in_groups_that_runs_over_a_line() -> None:
    got = found(
        C.UTILITY_ARREARS,
        (Cell(0.08, "Lune Valley Water plc"),),
        (Cell(0.6, "Customer number"),),
        (Cell(0.6, "2208 6614"),),
        (Cell(0.6, "0937"),),
        (),
        (Cell(0.08, "Ms Ada Quayle"),),
    )
    assert best(got, "account_reference") == "2208 6614 0937"
    # a lone figure of another length under it is something else
    other = found(
        C.UTILITY_ARREARS,
        (Cell(0.08, "Lune Valley Water plc"),),
        (Cell(0.6, "Customer number"),),
        (Cell(0.6, "2208 6614"),),
        (Cell(0.6, "12"),),
    )
    assert best(other, "account_reference") == "2208 6614"


def test_a_letter_that_says_it_asks_for_nothing_is_other() -> None:
    text = (
        "Pelham Cards Ltd\nDear Mr Oyelaran, you can now spread the cost of large purchases"
        " at a lower rate. This is not a request for payment: nothing is owed under this"
        " offer and you do not need to do anything."
    )
    assert refine_class(C.CREDITOR_LETTER, {}, text) is C.OTHER
    # a letter that says nothing is owed on one account but asks for another's arrears
    text_owed = text + " Your loan account is £212.00 in arrears; please pay it by Friday."
    assert refine_class(C.CREDITOR_LETTER, {}, text_owed) is C.CREDITOR_LETTER
