"""Kinds of reading added in round 34 of the reader (issue 14), from the misses of AG, each
on wording and layouts unlike every corpus family (Rathlin Island: a Church Bay ferry, a
Kebble seaweed works, a Mill Bay boat hire, a harbour trust): the test checks the *kind* of
rule — who holds the judgment or the order ("Ferry firm holding the judgment", "Warrant held
by") is the creditor; a name given whole beside a label and named in the body without its
first words (a line the scan tore) is the whole name; capitals and nine figures
("KSW 402771934") are one reference; three groups of three figures with one space lost by
OCR ("402771 934") are one reference; the account named by its product alone ("Island home
loan") or by its book ("Seaweed ledger") labels the reference; what "settles the account
today", and an amount's short form "amt", is the balance — not a family's phrase.
Pages of made-up wording (exact word boxes), each read by the rules as a given kind (the
shipped classifier plays no part). Each test failed on the old reader (main's ``src`` at
1ccbda2, an archive of that commit, run against it)."""

from __future__ import annotations

from tests.unit.documents.reading_support import one_page

from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_core.documents.model import DocumentClass, Extraction

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Cathal McCurdy"),),
    (Cell(0.08, "3 Ouig Lane"),),
    (Cell(0.08, "Rathlin Island"),),
    (Cell(0.08, "BT54 6RT"),),
)


def _read(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


def test_who_holds_the_judgment_is_the_creditor() -> None:
    """A court's notice of judgment, written by the court and headed with its name: the
    firm "holding the judgment" is the creditor, not the court."""
    page = [
        (Cell(0.08, "Island Court Office", bold=True),),
        (Cell(0.08, "Harbour Road, Church Bay"),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "JUDGMENT ENTERED", bold=True),),
        (Cell(0.08, "Judgment was entered against you as you did not reply."),),
        (Cell(0.1, "Ferry firm holding the judgment"), Cell(0.5, "Church Bay Sailings Ltd")),
        (Cell(0.1, "Sum entered"), Cell(0.5, "£1,402.66")),
    ]  # fmt: skip
    read = _read(page, C.COUNTY_COURT_JUDGMENT)
    assert read.creditor_name == "Church Bay Sailings Ltd"


def test_who_an_order_is_held_by_is_the_creditor() -> None:
    """An agent's notice names the council whose warrant it is "held by"."""
    page = [
        (Cell(0.08, "Kebble Bailiff Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "We now hold a warrant to collect what you owe."),),
        (Cell(0.1, "Our file"), Cell(0.5, "KBS/77120")),
        (Cell(0.1, "Warrant held by"), Cell(0.5, "Moyle Island Harbour Trust")),
        (Cell(0.1, "Sum to pay"), Cell(0.5, "£310.20")),
    ]  # fmt: skip
    read = _read(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert read.creditor_name == "Moyle Island Harbour Trust"


def test_a_name_torn_at_its_start_in_the_body_is_the_whole_name_beside_its_label() -> None:
    """After OCR a body line lost the first word of the creditor's name ("e Isles District
    Council has passed us ..."), the name printed whole beside its label in a torn table
    row lower down: the whole name is read, not the torn one."""
    page = [
        (Cell(0.08, "Kebble Enforcement Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.08, "Dear Mr McCurdy,"),),
        (Cell(0.08, "Moyl"), Cell(0.3, "les")),
        (Cell(0.08, "e Isles District Council has passed us a warrant for unpaid rates."),),
        (Cell(0.1, "02 May 2027"), Cell(0.3, "Warrant of"),
         Cell(0.45, "control collecting for: Moyle Isles District Council")),
        (Cell(0.1, "Our file"), Cell(0.5, "KBS/77120")),
    ]  # fmt: skip
    read = _read(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert read.creditor_name == "Moyle Isles District Council"


def test_capitals_and_nine_figures_are_one_reference() -> None:
    """A seaweed works' bill gives its account as capitals and nine figures in one run."""
    page = [
        (Cell(0.08, "Kebble Seaweed Works Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "Kelp supply account"), Cell(0.6, "KSW 402771934")),
        (Cell(0.1, "This bill"), Cell(0.6, "£88.10")),
    ]  # fmt: skip
    read = _read(page, C.UTILITY_BILL)
    assert read.account_reference == "KSW 402771934"


def test_three_groups_of_three_figures_with_a_space_lost_are_one_reference() -> None:
    """After OCR a customer number printed "402 771 934" reads "402771 934" (one space
    lost), a merge field's name after it: the whole number is the reference."""
    page = [
        (Cell(0.08, "Church Bay Water Co-operative", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "Island customer no."), Cell(0.5, "402771 934 <CustNumber>")),
        (Cell(0.1, "Water still unpaid"), Cell(0.5, "£120.45")),
    ]  # fmt: skip
    read = _read(page, C.UTILITY_ARREARS)
    assert read.account_reference == "402771 934"


def test_an_account_named_by_its_product_labels_the_reference() -> None:
    """A record's lines name the account by what it is ("ISLAND_HOME_LOAN"), the value in
    the next cell past an equals sign."""
    page = [
        (Cell(0.08, "Rathlin Island Savings", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "ISLAND_HOME_LOAN"), Cell(0.4, "="), Cell(0.5, "318/662019")),
        (Cell(0.1, "ARREARS_NOW"), Cell(0.4, "="), Cell(0.5, "2210.45")),
    ]  # fmt: skip
    read = _read(page, C.MORTGAGE_ARREARS)
    assert read.account_reference == "318/662019"


def test_an_account_named_by_its_book_labels_the_reference() -> None:
    """A boat hire's letter names the account by the book it is kept in."""
    page = [
        (Cell(0.08, "Mill Bay Boat Hire Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "Boat hire ledger"), Cell(0.6, "MBH88214")),
        (Cell(0.1, "Still to pay"), Cell(0.6, "£1,905.30")),
    ]  # fmt: skip
    read = _read(page, C.CREDITOR_LETTER)
    assert read.account_reference == "MBH88214"


def test_what_settles_the_account_and_an_amt_are_the_balance() -> None:
    """What "settles the account today" is the balance; so is a record's "HIRE_AMT"."""
    page = [
        (Cell(0.08, "Mill Bay Boat Hire Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "Hire account"), Cell(0.6, "MBH88214")),
        (Cell(0.1, "Settles the account today"), Cell(0.6, "£1,905.30")),
    ]  # fmt: skip
    read = _read(page, C.CREDITOR_LETTER)
    assert read.balance_pence == 190530
    page = [
        (Cell(0.08, "Mill Bay Boat Hire Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "2 May 2027"),),
        (Cell(0.1, "HIRE_ACCOUNT"), Cell(0.4, "="), Cell(0.5, "MBH88214")),
        (Cell(0.1, "HIRE_AMT"), Cell(0.4, "="), Cell(0.5, "1905.30")),
    ]  # fmt: skip
    read = _read(page, C.CREDITOR_LETTER)
    assert read.balance_pence == 190530
