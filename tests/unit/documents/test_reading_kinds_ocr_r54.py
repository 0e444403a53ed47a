# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 54 (issue 14): a wrong candidate chosen after OCR where
the page's damage took the true value's label, or the true value, away — a field left
empty rather than filled with a value of the wrong kind (benchmarks/OCR.md, "Round 54").
Each on wording no corpus family uses (an invented town, Quillhaven, in an invented
county, Fennowshire: a plant hire firm, a card firm, a loan firm, a broadband firm, the
county court, a council and its enforcement agents). Pages of made-up wording (exact word
boxes), read as a given kind by the rules alone (``read_as``) or, where the learned ranker
is what fills the field, as the product ships (``read_shipped``). Each case failed on
main's ``src`` at c14b4688 (an archive of that commit, run against it)."""

from __future__ import annotations

import pytest
from tests.unit.documents.reading_support import one_page, read_as

from cma_adapters.rules_assistant import ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_adapters.rules_assistant.values import parse_name, parse_reference
from cma_core.documents.model import DocumentClass, Extraction

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Anselm Wrayburn"),),
    (Cell(0.08, "7 Saltcote Rise"),),
    (Cell(0.08, "Quillhaven, Fennowshire"),),
    (Cell(0.08, "FQ4 9LW"),),
)


def read_shipped(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    """``page`` read as ``cls`` as the product ships: the rules and the learned ranker."""
    sample = one_page(page)
    return extract(
        sample_text(sample), sample_pages(sample), None, given=cls, fields_model=ranker.shipped()
    )


@pytest.mark.parametrize("printed", ["11 Aug-26", "3 Sept-26", "28 Feb/2027"])
def test_a_month_and_a_year_are_no_reference(printed: str) -> None:
    """A date whose day OCR parted from its month ("11 Aug-26" read with the day on its
    own): the month's name and the year are a date's, never an account's reference, though
    the sentence above them names the account."""
    assert parse_reference(printed) is None
    page = [
        (Cell(0.08, "Quillhaven Card Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We have not received your last payment"),),
        (Cell(0.08, "To bring your account up to date, please pay the £318.40 in arrears by"),),
        (Cell(0.08, printed),),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.account_reference is None


@pytest.mark.parametrize("phone", ["01632 960 411", "0113 496 0702", "07700 900318"])
def test_a_telephone_s_number_with_no_words_before_it_is_no_reference(phone: str) -> None:
    """The letterhead's address line ends in the writer's telephone number after a bar, no
    "Tel" before it; the account's number is lost (a stain over its box): the telephone's
    number, by its figures (eleven, from 01, 02, 03, 07 or 08), is never the account's — the
    field is left empty."""
    page = [
        (Cell(0.08, "Fennow Plant and Scaffold Hire Ltd", bold=True),),
        (Cell(0.08, f"Depot Road, Quillhaven FQ2 7HD | {phone}"),),
        *_ADDRESSEE,
        (Cell(0.08, "Statutory demand under section 268 of the Insolvency Act 1986"),),
        (Cell(0.08, "Scaffold towers were hired to you on account, and the invoices have not been paid."),),
        (Cell(0.08, "The creditor demands payment of £6,212.75 by 14th Oct. 2026."),),
    ]  # fmt: skip
    got = read_shipped(page, C.STATUTORY_DEMAND)
    assert got.account_reference is None


@pytest.mark.parametrize(
    "footer",
    [
        "Fennow Plant and Scaffold Hire Ltd, registered in England and Wales (no. 07345521), Depot Road, Quillhaven.",
        "Fennow Plant and Scaffold Hire Ltd. Registered in England and Wales, no. 07345521; registered office Depot Road.",
        "Fennow Plant and Scaffold Hire Ltd is registered in Scotland (company 734 552 1) at Depot Road, Quillhaven.",
    ],
)
def test_a_company_s_registered_number_is_no_reference(footer: str) -> None:
    """The footer gives the number the writer is registered under; the account's number is
    lost: that number is the company's, never the client's account — the field is left
    empty."""
    page = [
        (Cell(0.08, "Fennow Plant and Scaffold Hire Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Statutory demand under section 268 of the Insolvency Act 1986"),),
        (Cell(0.08, "Scaffold towers were hired to you on account, and the invoices have not been paid."),),
        (Cell(0.08, "The creditor demands payment of £6,212.75 by 14th Oct. 2026."),),
        (Cell(0.08, footer),),
    ]  # fmt: skip
    got = read_shipped(page, C.STATUTORY_DEMAND)
    assert got.account_reference is None


@pytest.mark.parametrize("claim_read", ["95012630 Quillhaven claim ref.", "9501 2630 Claim ref."])
def test_a_lost_claim_number_is_not_filled_from_the_account_s_box(claim_read: str) -> None:
    """A judgment whose claim number OCR read as figures only (its letters lost), the
    account's box read well: the claim number is left empty, not filled with the
    account's value (one value is not both)."""
    page = [
        (Cell(0.08, "County Court at Quillhaven", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment in default: you did not reply to the claim"),),
        (Cell(0.08, "Saltcote Broadband Ltd made a claim against you for unpaid broadband charges."),),
        (Cell(0.08, "2nd Jun 26"), Cell(0.3, "Quillhaven judgment date")),
        (Cell(0.08, claim_read),),
        (Cell(0.08, "£2,408.19"), Cell(0.3, "Sum of the judgment with costs")),
        (Cell(0.08, "SB70214436"), Cell(0.3, "Broadband customer account")),
    ]  # fmt: skip
    got = read_shipped(page, C.COUNTY_COURT_JUDGMENT)
    assert got.account_reference == "SB70214436"
    assert got.court_claim_number is None


@pytest.mark.parametrize(
    "leaders",
    [
        "Lender's own loan ref. ............sseesceese",
        "Loan account no. ...........s.sssseeee",
        "Loan ref. …… cssseeeen",
    ],
)
def test_a_label_and_its_leader_dots_are_no_creditor(leaders: str) -> None:
    """OCR runs a form's next label and its leader dots into the claimant's line (the
    claimant's name lost there): a label with its leader dots, or the dots' tail read as
    letters, is no creditor's name; the claimant named in the body is."""
    assert parse_name(leaders) is None
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Money claim issued against you"),),
        (Cell(0.08, "Saltcote Personal Loans Ltd has started a court claim against you for money it says you owe."),),
        (Cell(0.08, "Claimant"), Cell(0.35, leaders)),
        (Cell(0.08, "Total claimed"), Cell(0.35, "£3,904.11")),
    ]  # fmt: skip
    got = read_as(page, C.COURT_CLAIM_N1)
    assert got.creditor_name == "Saltcote Personal Loans Ltd"


@pytest.mark.parametrize(
    "heading",
    [
        "Charge for payment served for Fennowshire Council",
        "Decree for payment issued for Fennowshire Council",
        "Claim for payment issued for Fennowshire Council",
    ],
)
def test_a_heading_of_two_role_phrases_names_the_party_after_both(heading: str) -> None:
    """A heading that names the writ and then whom it was served, issued or raised for
    ("Charge for payment served for X"): the party is the capitalised name after the last
    role phrase, not "payment served for X"."""
    page = [
        (Cell(0.08, heading, bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "The council has obtained a summary warrant for unpaid council tax."),),
        (Cell(0.08, "Amount due"), Cell(0.4, "£1,120.36")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Fennowshire Council"
