"""Kinds of reading added in round 28 of the reader (issue 14), from the misses of J, each
on wording and layouts unlike every corpus family (the Isles of Scilly: a boatyard, a
harbour's moorings and an off-island ferry): the test checks the *kind* of rule — a figure
corrected in place ("£812.40  £846.15 (revised)") reads the marked one, and the earlier
value goes; two copies of one letter printed side by side on a sheet are read as one, and
a copy's caption ("Harbour Trust copy - file") is no organisation; a mail-merge field's code
("{{COURT_S_CLAIM_NUMBER}}") is its label, and the court's own claim number is labelled so;
a sum said to have a fee added ("Payable today, fee added") is a sum, not a fee; a note jotted
beside a signature ("paid £30 last wk") is no printed value; and, from the retraining, a
page of dated lines that says nothing of pay is a statement, not a payslip — not a family's
phrase.
Perfect text (exact word boxes). Each test failed on the old reader (main's ``src`` at
95ffe6a, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import one_page
from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.assistant import refine_class
from cma_adapters.rules_assistant.corpus import Cell, sample_pages
from cma_adapters.rules_assistant.layout import norm_words, page_layout
from cma_adapters.rules_assistant.values import parse_name
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mrs Tamsin Jenkin"),),
    (Cell(0.08, "3 Porthcressa Row"),),
    (Cell(0.08, "St Mary's"),),
    (Cell(0.08, "TR21 0JQ"),),
)


def _rows(page: list[tuple[Cell, ...]]) -> list[list[str]]:
    layout = page_layout(sample_pages(one_page(page))[0])
    return [[c.text for c in row] for row in layout.rows]


# -- a figure corrected in place -------------------------------------------------------------


def test_a_figure_corrected_in_place_reads_the_marked_one() -> None:
    """A re-sent account: each corrected figure printed after the earlier one, marked
    "(revised)" or "(corrected)"; the earlier one is nothing's."""
    page = [
        (Cell(0.08, "Hugh Town Boatyard Ltd", bold=True),),
        (Cell(0.08, "The Strand, St Mary's TR21 0PT"),),
        *_ADDRESSEE,
        (Cell(0.08, "Your boatyard account, sent again", bold=True),),
        (Cell(0.1, "Letter of"), Cell(0.45, "Mon, 10 May 2027"),
         Cell(0.62, "Fri, 14 May 2027 (corrected)")),
        (Cell(0.1, "Yard account"), Cell(0.45, "HTB-55210")),
        (Cell(0.1, "Laying-up and repairs unpaid"), Cell(0.45, "£812.40"),
         Cell(0.62, "£846.15 (revised)")),
        (Cell(0.1, "Settle by"), Cell(0.45, "3 June 2027"), Cell(0.62, "17 June 2027 (revised)")),
        (Cell(0.08, "Dear Mrs Jenkin,"),),
        (Cell(0.08, "We have put right the figures of our earlier letter."),),
        (Cell(0.08, "Your account is in arrears: please pay the sum owed by the date above,"),),
        (Cell(0.08, "or call us to agree payments. If you do not, we may take court action."),),
    ]  # fmt: skip
    read = _read(page)
    assert read.balance_pence == 84615
    assert read.deadline_date == dt.date(2027, 6, 17)
    assert read.letter_date == dt.date(2027, 5, 14)
    _unmarked_or_unlike_values_stay()


def _unmarked_or_unlike_values_stay() -> None:
    """Guards: two amounts side by side with no mark (a table's columns) both stay; a
    marked amount after a date (another kind) leaves the date; a marked value alone stays."""
    rows = _rows(
        [
            (Cell(0.1, "Mooring, summer and winter"), Cell(0.5, "£40.00"), Cell(0.7, "£55.00")),
            (Cell(0.1, "Since 2 May 2027"), Cell(0.5, "£96.20 (revised)")),
            (Cell(0.1, "Dues"), Cell(0.5, "£12.00 (new)")),
        ]
    )
    assert rows[0] == ["Mooring, summer and winter", "£40.00", "£55.00"]
    assert rows[1] == ["Since 2 May 2027", "£96.20 (revised)"]
    assert rows[2] == ["Dues", "£12.00 (new)"]


# -- two copies side by side; a copy's caption ------------------------------------------------


def test_two_copies_side_by_side_read_as_one() -> None:
    """A harbour's dues notice printed twice across a landscape sheet, the berth holder's
    copy and the harbour's: one value a label, and the caption is nobody's name."""
    copy = [
        (Cell(0.04, "Isles of Scilly Harbour Trust", bold=True),),
        (Cell(0.04, "The Quay, St Mary's TR21 0HU"),),
        (Cell(0.04, "Mrs T Jenkin, 3 Porthcressa Row, St Mary's"),),
        (Cell(0.04, "Final reminder: berth dues arrears", bold=True),),
        (Cell(0.04, "Notice of"), Cell(0.25, "08.03.2027")),
        (Cell(0.04, "Berth holder no."), Cell(0.25, "IHT 40917")),
        (Cell(0.04, "Dues and levy unpaid"), Cell(0.25, "£318.75")),
        (Cell(0.04, "Pay it by"), Cell(0.25, "22.03.2027")),
        (Cell(0.04, "Dear Mrs Jenkin, your berth dues are in arrears."),),
        (Cell(0.04, "You owe the arrears shown. If you do not pay,"),),
        (Cell(0.04, "we may take court action to recover the debt."),),
    ]
    page = [
        (Cell(0.04, "BERTH HOLDER'S COPY - keep", bold=True),
         Cell(0.52, "HARBOUR TRUST COPY - file", bold=True)),
        *[(*row, *(Cell(c.x + 0.48, c.text, bold=c.bold) for c in row)) for row in copy],
    ]  # fmt: skip
    read = _read(page)
    assert read.creditor_name == "Isles of Scilly Harbour Trust"
    assert read.balance_pence == 31875
    assert read.deadline_date == dt.date(2027, 3, 22)
    # (guards: a firm named with "copy" in it keeps its name; a caption is no name)
    assert parse_name("HARBOUR TRUST COPY - file") is None
    assert parse_name("Top Copy Printing Ltd") == "Top Copy Printing Ltd"
    _a_page_with_few_repeats_stays_whole()


def _a_page_with_few_repeats_stays_whole() -> None:
    """Guard: a page where only a line or two repeat (a table's equal columns) is not read
    as two copies: its right half stays."""
    rows = _rows(
        [
            (Cell(0.08, "Ferry fares"), Cell(0.5, "Ferry fares")),
            (Cell(0.08, "Adult return"), Cell(0.3, "£52.00"), Cell(0.5, "Adult return"),
             Cell(0.7, "£52.00")),
            (Cell(0.08, "Child return"), Cell(0.3, "£26.00"), Cell(0.5, "Child single"),
             Cell(0.7, "£13.00")),
            (Cell(0.08, "Bicycle"), Cell(0.3, "£10.00"), Cell(0.5, "Dog"), Cell(0.7, "£5.00")),
        ]
    )  # fmt: skip
    assert rows[2] == ["Child return", "£26.00", "Child single", "£13.00"]
    assert rows[1][-1] == "£52.00"


# -- a mail-merge field's code is its label ---------------------------------------------------


def test_a_merge_field_code_is_its_label() -> None:
    """A letter printed with its merge codes for labels: "{{COURT_S_CLAIM_NUMBER}}" is "the
    court's claim number"."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "{{LETTER_DATE}}"), Cell(0.45, "19 July 2027")),
        (Cell(0.1, "{{COURT_S_CLAIM_NUMBER}}"), Cell(0.45, "9SC40K17")),
        (Cell(0.1, "{{CLAIMANT}}"), Cell(0.45, "Scilly Ferry Services Ltd")),
        (Cell(0.1, "{{SUM_CLAIMED}}"), Cell(0.45, "£1,204.60")),
        (Cell(0.08, "A claim has been issued against you."),),
    ]
    assert _read(page).court_claim_number == "9SC40K17"
    assert norm_words("«Tenant_s_Account_Ref»") == ["tenant's", "account", "ref"]
    # (guard: a section's "s" with no underscore is not a possessive)
    assert norm_words("under s 87 of the Act") == ["under", "s", "87", "of", "the", "act"]


# -- a sum said to have a fee added -----------------------------------------------------------


def test_a_sum_with_its_fee_added_is_a_sum() -> None:
    """An agent's notice whose one amount is labelled as a sum with its fee added (or
    included): the sum owed, not the fee."""
    for label in ("Payable today, fee added", "Amount payable, fees added on"):
        page = [
            (Cell(0.08, "Porthloo Enforcement Agents Ltd", bold=True),),
            *_ADDRESSEE,
            (Cell(0.1, "Enforcement ref."), Cell(0.45, "PEA-771204")),
            (Cell(0.1, label), Cell(0.45, "£387.50")),
            (Cell(0.08, "Dear Mrs Jenkin, the council passed your unpaid business rates to us"),),
            (Cell(0.08, "under a liability order. Pay now or an agent may visit."),),
        ]  # fmt: skip
        assert _read(page).balance_pence == 38750, label
    _a_fee_added_to_a_balance_is_a_fee()


def _a_fee_added_to_a_balance_is_a_fee() -> None:
    """Guard: "Late fee added to the balance" is the fee's amount, not the balance."""
    page = [
        (Cell(0.08, "Tresco Estate Lettings Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Tenancy no."), Cell(0.45, "TEL/3391")),
        (Cell(0.1, "Late fee added to the balance"), Cell(0.45, "£25.00")),
        (Cell(0.1, "Balance now owed"), Cell(0.45, "£552.30")),
        (Cell(0.08, "Dear Mrs Jenkin, please pay the rent that is behind."),),
    ]
    assert _read(page).balance_pence == 55230


# -- a note jotted beside a signature ---------------------------------------------------------


def test_a_note_beside_a_signature_is_no_value() -> None:
    page = [
        (Cell(0.08, "Bryher Boat Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Dear Mrs Jenkin,"),),
        (Cell(0.08, "Your boat hire account is £689.14 in arrears."),),
        (Cell(0.08, "Please contact Hire Arrears Support to agree a way to pay."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "R. Tregarthen"), Cell(0.7, "paid £30 last wk")),
        (Cell(0.08, "Hire Arrears Support"),),
    ]
    assert _read(page).balance_pence == 68914


# -- a statement the word model reads as pay --------------------------------------------------


def test_dated_lines_and_no_pay_words_make_a_statement() -> None:
    """Read as a payslip by the word model (a statement whose lines include an employer's
    credit), a page of dated lines that says nothing of pay is a bank statement; a payslip
    with its dated lines of hours keeps its kind."""
    statement = "\n".join(
        [
            "Scilly Islands Savings Bank                    Printed 4 March 2027",
            "Day     Details                         Out         In",
            "02/02   FERRY TICKETS                   £48.00",
            "05/02   BOATYARD WAGES                              £912.40",
            "09/02   CO-OP HUGH TOWN                 £36.15",
            "14/02   HARBOUR DUES DD                 £22.00",
            "20/02   ISLAND WATER DD                 £18.50",
        ]
    )
    assert refine_class(C.PAYSLIP, {}, statement) is C.BANK_STATEMENT
    payslip = statement.replace("Out         In", "Gross pay   Deductions")
    assert refine_class(C.PAYSLIP, {}, payslip) is C.PAYSLIP
