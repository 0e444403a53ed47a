"""Kinds of reading added in round 35 of the reader (issue 14), from the misses of AL, each
on wording and layouts unlike every corpus family (the Isle of Coll: an Arinagour water
board, a Breachacha fish farm, island sheriff officers, a community savings club): the test
checks the *kind* of rule — sheriff officers writing as the ones a council instructed
serve an enforcement notice, however much of the council's tax and water charges the word
model sees; "(Authority) we act for" names the creditor, and a run of labels and values
on one line (the dots between them lost) ends the name at the next label; a Scottish
court's case reference with hyphens ("court-procedure and number-year") is the claim
number, whole; "our reference for your account, X" in a sentence, capitals then figures in
groups, is the reference; a tier of boxed cells (each label at its box's left, its figure
at the box's right) gives each label its figure; "VAT included" in a bill's label is no
VAT part; instalments "behind" are owed; "the arrears now are £X" is the balance; a
copy of the envelope before the letter leaves the letterhead on the next page — not a
family's phrase. Pages of made-up wording (exact word boxes), read by the rules as a given
kind (the shipped classifier plays no part) but for the enforcement notice, read as the
product reads it. Each test failed on the old reader (main's ``src`` at 9189030, an
archive of that commit, run against it)."""

from __future__ import annotations

from tests.unit.documents.reading_support import one_page, read_by_rules

from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_core.documents.model import DocumentClass, Extraction

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Morag Kennedy"),),
    (Cell(0.08, "4 Pier Road"),),
    (Cell(0.08, "Arinagour, Isle of Coll"),),
    (Cell(0.08, "PA78 6SY"),),
)


def _read(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


def test_sheriff_officers_instructed_by_a_council_serve_an_enforcement_notice() -> None:
    """Sheriff officers write for a council about its unpaid council tax and water charges
    (the word model reads the charges' words as the council's or a supplier's letter):
    writing as the ones instructed, with a charge for payment served, it is an enforcement
    notice."""
    page = [
        (Cell(0.08, "Breachacha Sheriff Officers", bold=True),),
        (Cell(0.08, "Shore Street, Arinagour"),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "Your council tax and water charges are unpaid", bold=True),),
        (Cell(0.08, "Coll and Tiree Council has instructed us to collect the council tax"),),
        (Cell(0.08, "and the water and sewerage charges you owe for 2026-27."),),
        (Cell(0.1, "Council tax and water charges unpaid"), Cell(0.6, "£612.40")),
        (Cell(0.1, "Our reference"), Cell(0.6, "BSO/55102")),
        (Cell(0.08, "Please pay the council tax and water charges by 16 May 2027."),),
        (Cell(0.08, "A charge for payment was served on you on 2 May 2027."),),
    ]  # fmt: skip
    read = read_by_rules(page)
    assert read.document_class is C.ENFORCEMENT_AGENT_NOTICE


def test_whom_the_writer_acts_for_names_the_creditor() -> None:
    """An enforcer names whom it collects for as its own clause ("Authority we act for",
    "We act for" with its noun on the line before)."""
    page = [
        (Cell(0.08, "Breachacha Sheriff Officers", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "Dear Ms Kennedy,"),),
        (Cell(0.08, "We have been asked to collect the charges below from you."),),
        (Cell(0.1, "Our reference"), Cell(0.6, "BSO/55102")),
        (Cell(0.1, "Amount to clear"), Cell(0.6, "£612.40"), Cell(0.75, "Authority")),
        (Cell(0.1, "we act for:"), Cell(0.6, "Arinagour Water Board")),
    ]  # fmt: skip
    read = _read(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert read.creditor_name == "Arinagour Water Board"


def test_a_name_in_a_run_of_labels_ends_at_the_next_label() -> None:
    """The facts run together on one line, the dots between them lost: the name whom the
    writer acts for ends where the next label starts."""
    page = [
        (Cell(0.08, "Breachacha Sheriff Officers", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "Please pay £612.40 by 16 May 2027."),),
        (Cell(0.08, "In short: Amount to clear: £612.40 Our reference: BSO/55102"),),
        (Cell(0.08, "Authority we act for: Arinagour Water Board Time to pay ends: 16 May 2027"),),
    ]  # fmt: skip
    read = _read(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert read.creditor_name == "Arinagour Water Board"


def test_whom_a_heading_says_a_charge_was_served_for_is_the_creditor() -> None:
    """Only the heading names whom the officers act for ("Charge served for X"): the
    creditor is X, not the heading's words before it."""
    page = [
        (Cell(0.08, "Breachacha Sheriff Officers", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Charge served for Arinagour Water Board", bold=True),),
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "Dear Ms Kennedy,"),),
        (Cell(0.08, "Pay £612.40 to us by 16 May 2027."),),
    ]  # fmt: skip
    read = _read(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert read.creditor_name == "Arinagour Water Board"


def test_a_scottish_case_reference_with_hyphens_is_the_claim_number() -> None:
    """A sheriff court's simple procedure case reference, court, procedure and number and
    year parted by hyphens, is the claim number whole, not the account's reference."""
    page = [
        (Cell(0.08, "Oban Sheriff Court", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "A simple procedure claim has been made against you", bold=True),),
        (Cell(0.1, "Oban case reference"), Cell(0.6, "OBN-SP4410-27")),
        (Cell(0.1, "Claimant"), Cell(0.6, "Breachacha Fish Farm Ltd")),
        (Cell(0.1, "Fish farm invoice no."), Cell(0.6, "BFF-20931")),
        (Cell(0.1, "Sum claimed"), Cell(0.6, "£2,118.00")),
    ]  # fmt: skip
    read = _read(page, C.COURT_CLAIM_N1)
    assert read.court_claim_number == "OBN-SP4410-27"
    assert read.account_reference == "BFF-20931"


SAID_REFERENCE = "At the start we read you our reference for your account, AWB 7120 4413."


def test_our_reference_for_your_account_in_a_sentence_is_the_reference() -> None:
    """A note of a call gives the reference as a numbered sentence ("our reference for
    your account, X"), capitals then figures in groups."""
    page = [
        (Cell(0.08, "Arinagour Water Board", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "What we said when you rang us"),),
        (Cell(0.08, "1."), Cell(0.15, SAID_REFERENCE)),
        (Cell(0.08, "2."), Cell(0.15, "We said the water charges you owe are £240.10.")),
    ]  # fmt: skip
    read = _read(page, C.UTILITY_ARREARS)
    assert read.account_reference == "AWB 7120 4413"


def test_a_tier_of_boxed_cells_gives_each_label_its_figure() -> None:
    """A pay slip's earnings as a tier of boxes: each label at its box's left, its figure
    at the box's right, under none of the labels."""
    page = [
        (Cell(0.08, "Breachacha Fish Farm Ltd", bold=True),),
        (Cell(0.08, "Pay slip"), Cell(0.6, "Paid: Monthly")),
        (Cell(0.08, "Morag Kennedy, hatchery"),),
        (Cell(0.08, "Pay date: 28 Apr 2027"),),
        (Cell(0.08, "Hatchery pay"), Cell(0.28, "Tide bonus"), Cell(0.48, "Gross pay")),
        (Cell(0.2, "1,820.00"), Cell(0.4, "64.00"), Cell(0.6, "1,884.00")),
        (Cell(0.08, "Tax"), Cell(0.28, "NI"), Cell(0.48, "Total taken")),
        (Cell(0.2, "168.00"), Cell(0.4, "98.10"), Cell(0.6, "266.10")),
        (Cell(0.08, "Net pay"), Cell(0.6, "1,617.90")),
    ]  # fmt: skip
    read = _read(page, C.PAYSLIP)
    assert read.gross_pence == 188400


def test_a_bill_with_vat_included_is_the_amount_due() -> None:
    """ "This bill, VAT included" is the whole bill, not its VAT."""
    page = [
        (Cell(0.08, "Arinagour Water Board", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Bill date"), Cell(0.6, "2 May 2027")),
        (Cell(0.1, "Water account"), Cell(0.6, "AWB71204413")),
        (Cell(0.1, "This bill, VAT included"), Cell(0.6, "£96.30")),
        (Cell(0.1, "Pay by"), Cell(0.6, "23 May 2027")),
    ]  # fmt: skip
    read = _read(page, C.UTILITY_BILL)
    assert read.balance_pence == 9630


def test_instalments_behind_are_owed() -> None:
    """Instalments "behind" on the account are what is owed, not an instalment's sum."""
    page = [
        (Cell(0.08, "Coll Community Savings Club", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "Club loan account"), Cell(0.6, "CCS-40917")),
        (Cell(0.1, "Club instalments behind"), Cell(0.6, "£177.50")),
    ]  # fmt: skip
    read = _read(page, C.CREDITOR_LETTER)
    assert read.balance_pence == 17750


def test_the_arrears_today_are_the_balance() -> None:
    """A note of a call says the arrears "today are £X" in a sentence, the monthly payment
    said too; or the "arrears on your water supply are £X"."""
    page = [
        (Cell(0.08, "Coll Community Savings Club", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "1."), Cell(0.15, "We read you your loan number, CCS-40917.")),
        (Cell(0.08, "2."), Cell(0.15, "At the call your club loan arrears now are £1,022.75.")),
        (Cell(0.08, "3."), Cell(0.15, "Your monthly club loan payment is £310.00.")),
    ]  # fmt: skip
    read = _read(page, C.MORTGAGE_ARREARS)
    assert read.balance_pence == 102275
    page = [
        (Cell(0.08, "Arinagour Water Board", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "1."), Cell(0.15, "Arrears on your water supply are £88.40 as of the call.")),
    ]  # fmt: skip
    read = _read(page, C.UTILITY_ARREARS)
    assert read.balance_pence == 8840


def test_a_copy_of_the_envelope_leaves_the_letterhead_on_the_next_page() -> None:
    """The front of the envelope is copied before the letter: the letterhead is on the
    letter's own first page."""
    envelope = [
        (Cell(0.08, "Scanned with it: the envelope, front"),),
        (Cell(0.08, "If undelivered, return to:"), Cell(0.7, "Second class post")),
        (Cell(0.08, "Fines Desk, Shore Street, Arinagour PA78 6SZ"),),
        *_ADDRESSEE,
    ]
    letter = [
        (Cell(0.08, "Oban Sheriff Court", bold=True),),
        (Cell(0.08, "Fines Desk, Shore Street, Arinagour PA78 6SZ"),),
        (Cell(0.1, "Date of letter"), Cell(0.6, "2 May 2027")),
        (Cell(0.1, "Fine outstanding"), Cell(0.6, "£220.00")),
        (Cell(0.08, "The fine the court imposed on you has not been paid."),),
    ]
    truth = Truth(document_class=DocumentClass.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(envelope, letter))
    read = extract(sample_text(sample), sample_pages(sample), None, given=C.MAGISTRATES_FINE)
    assert read.creditor_name == "Oban Sheriff Court"
