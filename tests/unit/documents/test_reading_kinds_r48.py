# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 48 of the reader (issue 14), from the misses of BG on
perfect text (benchmarks/OCR.md, "Round 48"), each on wording and layouts unlike every
corpus family (an invented district, Pellowfield, and its town of Ravensby: the Pellowfield
District Council, a card firm, a lender, a water company, a collection agency, bailiffs,
the county court's building); the test checks the *kind* of rule, not a family's phrase.
Pages of made-up wording (exact word boxes), read by the rules as a given kind (the shipped
classifier plays no part). Each test failed on the old reader (main's ``src`` at
ae8a940b, an archive of that commit, run against it)."""

from __future__ import annotations

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Osric Tallentire"),),
    (Cell(0.08, "5 Quillet Row"),),
    (Cell(0.08, "Ravensby, Pellowfield"),),
    (Cell(0.08, "PW3 8LR"),),
)


@pytest.mark.parametrize(
    "label",
    [
        "Card issuer that instructed Marrick",
        "Card company who appointed us",
        "Firm which engaged Marrick",
    ],
)
def test_the_firm_that_instructed_the_writer_is_owed(label: str) -> None:
    """A collector's box naming the firm that instructed it, past, the collector named by
    "us" or by its own name: that firm is owed, not the collector whose letterhead it is."""
    page = [
        (Cell(0.08, "Marrick Recoveries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your account is now with us for collection."),),
        (Cell(0.1, "Marrick file"), Cell(0.55, "MR-66120-P")),
        (Cell(0.1, label), Cell(0.55, "Pellowfield Card Finance Ltd")),
        (Cell(0.1, "To clear the account"), Cell(0.55, "£1,208.44")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Pellowfield Card Finance Ltd"


@pytest.mark.parametrize("label", ["Firm claiming", "Business claiming from you", "Company suing"])
def test_whoever_is_claiming_in_a_box_is_owed(label: str) -> None:
    """A claim's box naming the party by what it does, "<x> claiming" / "<x> suing": that
    party is owed, not the solicitors whose letterhead it is."""
    page = [
        (Cell(0.08, "Hexley Crane Solicitors LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A money claim has been issued and you must respond."),),
        (Cell(0.1, "Claim ref."), Cell(0.55, "R7QW2K45")),
        (Cell(0.1, label), Cell(0.55, "Ravensby Doorstep Lending Ltd")),
        (Cell(0.1, "Sum claimed with costs"), Cell(0.55, "£2,690.00")),
    ]  # fmt: skip
    got = read_as(page, C.COURT_CLAIM_N1)
    assert got.creditor_name == "Ravensby Doorstep Lending Ltd"


@pytest.mark.parametrize(
    "label",
    ["Order obtained by the council", "Judgment won by the lender", "Writ granted to the creditor"],
)
def test_the_court_s_paper_got_by_a_role_names_the_one_owed(label: str) -> None:
    """An enforcer's box "Order obtained by the council": the paper, who got it named by
    its role, the value the one owed, not the enforcer whose letterhead it is."""
    page = [
        (Cell(0.08, "Quorrant Enforcement Agents Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We have been instructed to collect the sum below."),),
        (Cell(0.1, "Quorrant case"), Cell(0.55, "QEA/771902")),
        (Cell(0.1, label), Cell(0.55, "Pellowfield District Council")),
        (Cell(0.1, "Now due with our fee"), Cell(0.55, "£1,406.20")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Pellowfield District Council"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ravensby Water Services Ltd made a claim against you for unpaid water charges.",
        "Ravensby Water Services Ltd brought proceedings against you last spring.",
        "Ravensby Water Services Ltd took you to court over unpaid charges.",
    ],
)
def test_a_claim_told_in_the_past_names_the_claimant(sentence: str) -> None:
    """A judgment telling what went before, "X made a claim against you" (no auxiliary):
    X is owed, not the court's building heading the paper."""
    page = [
        (Cell(0.08, "Ravensby Combined Court Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, sentence),),
        (Cell(0.08, "You did not answer it, so judgment has been entered."),),
        (Cell(0.1, "Claim no."), Cell(0.55, "P3LV8M21")),
        (Cell(0.1, "Sum of the judgment"), Cell(0.55, "£3,118.06")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.creditor_name == "Ravensby Water Services Ltd"


@pytest.mark.parametrize(
    "sentence",
    [
        "Magistrates granted Pellowfield District Council a liability order for your unpaid council tax.",
        "The court has awarded Pellowfield District Council an order for the arrears.",
    ],
)
def test_whom_the_court_granted_an_order_is_owed(sentence: str) -> None:
    """ "Magistrates granted X a liability order": the court first, then whom it gave the
    order: X is owed, not the enforcer whose letterhead it is."""
    page = [
        (Cell(0.08, "Quorrant Enforcement Agents Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, sentence),),
        (Cell(0.1, "Quorrant case"), Cell(0.55, "QEA/771902")),
        (Cell(0.1, "Now due with our fee"), Cell(0.55, "£1,406.20")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Pellowfield District Council"


@pytest.mark.parametrize(
    "sentence",
    [
        "Pellowfield Card Finance Ltd has closed your card account and asked us to recover what is left.",
        "Pellowfield Card Finance Ltd have ended your agreement and instructed us to collect the balance.",
    ],
)
def test_a_firm_that_did_one_thing_then_instructed_the_writer_is_owed(sentence: str) -> None:
    """ "X has closed your card and asked us to recover it": another thing X did first,
    then that it instructed the writer: X is owed, not the collector."""
    page = [
        (Cell(0.08, "Marrick Recoveries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, sentence),),
        (Cell(0.1, "Marrick file"), Cell(0.55, "MR-66120-P")),
        (Cell(0.1, "To clear the account"), Cell(0.55, "£1,208.44")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Pellowfield Card Finance Ltd"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ravensby Doorstep Lending Ltd claims that you have not repaid a loan and asks for judgment.",
        "Ravensby Doorstep Lending Ltd says you failed to pay the sums due under your agreement.",
    ],
)
def test_who_says_you_did_not_pay_is_the_claimant(sentence: str) -> None:
    """ "X claims that you have not repaid a loan": what the client failed to do, as the
    claimant says it: X is owed, not the court's centre that sends the form."""
    page = [
        (Cell(0.08, "Civil Claims Hub", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, sentence),),
        (Cell(0.1, "Claim ref."), Cell(0.55, "R7QW2K45")),
        (Cell(0.1, "Sum claimed with costs"), Cell(0.55, "£2,690.00")),
    ]  # fmt: skip
    got = read_as(page, C.COURT_CLAIM_N1)
    assert got.creditor_name == "Ravensby Doorstep Lending Ltd"


@pytest.mark.parametrize("building", ["The Law Courts", "Combined Court Centre", "The Court House"])
def test_a_court_s_building_heading_its_paper_is_owed_nothing(building: str) -> None:
    """A judgment headed by the court's building beside the court's name ("The Law
    Courts", "Civil Justice Centre"), the claimant named nowhere the rules can read: the
    building is the court's, owed nothing, and is not read as a firm's letterhead (the
    court's own penalty applies to it)."""
    page = [
        (Cell(0.08, "County Court at Ravensby", bold=True), Cell(0.6, building)),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment has been entered against you. Pay the claimant, not the court."),),
        (Cell(0.1, "Claim no."), Cell(0.55, "P3LV8M21")),
        (Cell(0.1, "Sum of the judgment"), Cell(0.55, "£3,118.06")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.creditor_name != building


@pytest.mark.parametrize("date", ["_14.12.2027", "_4.11.2027"])
def test_a_date_with_an_ocr_speck_glued_before_it_is_no_amount(date: str) -> None:
    """After OCR, a box's rule read as an underscore glued to a date ("_14.12.2027"): the
    date is still a date, never the amount "14.12" beside its label; the sum owed is the
    one the page states."""
    page = [
        (Cell(0.08, "Pellowfield District Council", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "You were paid housing benefit you were not entitled to."),),
        (Cell(0.1, "Debt Recovery letter of"), Cell(0.55, date)),
        (Cell(0.1, "Overpaid to you"), Cell(0.55, ", £2,118.40 ,")),
        (Cell(0.08, "The overpayment is £2,118.40. Please repay it or ask us for a plan."),),
    ]  # fmt: skip
    got = read_as(page, C.OVERPAYMENT)
    assert got.balance_pence == 211840
