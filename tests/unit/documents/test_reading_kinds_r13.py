"""Kinds of reading added in round 13 of the reader (issue 14), from the misses of U, each
on wording and layouts unlike every corpus family (A-U): the test checks the *kind* of
rule — a ledger carried over to the next page owes its last page's figure, a column's last
figure is a row of the table (not a sentence under it), a table's ruled border read into a
header, "4-week" as an adjective, what a later clause says of another amount — and the
OCR kinds (a claim number's zero read as the letter O), not a family's
phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

from tests.unit.documents.test_reading_kinds_r10 import best, found

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.fields_kinds import carried_over, is_figure, without_rule
from cma_adapters.rules_assistant.values import parse_claim, parse_frequency
from cma_core.documents.model import DocumentClass

C = DocumentClass

HEAD = (Cell(0.08, "Posted"), Cell(0.22, "Entry"), Cell(0.5, "Added"), Cell(0.62, "Taken"),
        Cell(0.76, "Balance"))  # fmt: skip


def _ledger_top() -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Marrowby Home Credit Ltd"),),
        (Cell(0.08, "Plan number: MHC-70551"),),
        (Cell(0.08, "Dear Mr Ellery,"),),
        (Cell(0.08, "Here is how your plan stands."),),
    ]


# -- what a statement of account owes ---------------------------------------------------------


def test_a_ledger_carried_over_to_the_next_page_owes_the_last_page_s_figure() -> None:
    first = [
        *_ledger_top(),
        HEAD,
        (Cell(0.08, "02/07"), Cell(0.22, "Start of plan"), Cell(0.76, "1,140.00")),
        (Cell(0.08, "09/07"), Cell(0.22, "Arrears fee"), Cell(0.5, "35.00"),
         Cell(0.76, "1,175.00")),
        (Cell(0.08, "Balance c/f"), Cell(0.76, "1,175.00")),
    ]  # fmt: skip
    second = [
        HEAD,
        (Cell(0.08, "Balance b/f"), Cell(0.76, "1,175.00")),
        (Cell(0.08, "14/08"), Cell(0.22, "Received, thank you"), Cell(0.62, "60.00"),
         Cell(0.76, "1,115.00")),
        (Cell(0.08, "21/08"), Cell(0.22, "Arrears fee"), Cell(0.5, "35.00"),
         Cell(0.76, "1,150.00")),
    ]  # fmt: skip
    assert best(found(C.CREDITOR_LETTER, first, second), "balance_pence") == 115000
    # what the row says decides, with a later page or without one
    assert carried_over("Total carried to the next page  84.00", continues_later=False)
    assert carried_over("Balance c/f 84.00", continues_later=True)
    assert not carried_over("Balance c/f 84.00", continues_later=False)  # a closing balance
    assert not carried_over("Balance b/f 84.00", continues_later=True)


def test_a_column_s_last_figure_is_a_row_of_the_table_not_a_sentence() -> None:
    assert is_figure("1,115.00 Dr")
    assert is_figure("GBP 96.10 |")
    assert is_figure("£318.40")
    assert not is_figure("Your instalment of £25.00 was missed, so £640.10 is now due")
    assert not is_figure("Please pay £640.10 by Friday")
    # a sentence under the table, as wide as the page, is no row of the Balance column
    page = [
        *_ledger_top(),
        HEAD,
        (Cell(0.08, "02/07"), Cell(0.22, "Start of plan"), Cell(0.76, "1,140.00")),
        (Cell(0.08, "09/07"), Cell(0.22, "Arrears fee"), Cell(0.5, "35.00"),
         Cell(0.76, "1,175.00")),
        (Cell(0.08, "Your instalment of £25.00 was missed on the ninth of the month, and so "
                    "the sum of £1,175.00 is now due"),),
    ]  # fmt: skip
    assert best(found(C.CREDITOR_LETTER, page), "balance_pence") == 117500


def test_a_table_s_ruled_border_read_into_its_header() -> None:
    assert without_rule("Balance |") == "Balance"
    assert without_rule("| Balance") == "Balance"
    assert without_rule("Balance I") == "Balance"
    assert without_rule("Balance") == "Balance"
    ruled = (Cell(0.08, "Posted"), Cell(0.22, "Entry"), Cell(0.5, "Added"), Cell(0.62, "Taken"),
             Cell(0.76, "Balance |"))  # fmt: skip
    page = [
        *_ledger_top(),
        ruled,
        (Cell(0.08, "02/07"), Cell(0.22, "Start of plan"), Cell(0.76, "1,140.00")),
        (Cell(0.08, "09/07"), Cell(0.22, "Arrears fee"), Cell(0.5, "35.00"),
         Cell(0.76, "1,175.00")),
        (Cell(0.08, "16/07"), Cell(0.22, "Arrears fee"), Cell(0.5, "35.00"),
         Cell(0.76, "1,210.00")),
    ]  # fmt: skip
    assert best(found(C.CREDITOR_LETTER, page), "balance_pence") == 121000


def test_what_a_later_clause_says_is_said_of_the_amount_after_it() -> None:
    page = [
        (Cell(0.08, "Fenwold Car Finance Ltd"),),
        (Cell(0.08, "Agreement: FCF 228104"),),
        (Cell(0.08, "Dear Ms Oduya,"),),
        (
            Cell(
                0.08,
                "What is behind is now GBP 2,215.90, against a weekly instalment of GBP 35.00.",
            ),
        ),
        (Cell(0.08, "Please ring us this week."),),
    ]
    assert best(found(C.CREDITOR_LETTER, page), "balance_pence") == 221590


# -- how often -----------------------------------------------------------------------------------


def test_a_four_or_two_week_period_as_an_adjective() -> None:
    assert parse_frequency("Payment for each 4-week period") == "four_weekly"
    assert parse_frequency("Your four week amount") == "four_weekly"
    assert parse_frequency("Each 2-week instalment") == "fortnightly"
    assert parse_frequency("Paid every 4 weeks") == "four_weekly"
    assert parse_frequency("Your weekly rate") == "weekly"


# -- after OCR -------------------------------------------------------------------------------------


def test_ocr_s_letter_o_in_a_claim_number_is_a_zero() -> None:
    assert parse_claim("Claim number QOOMX417") == "Q00MX417"
    assert parse_claim("Claim no. 7OR40155") == "70R40155"
    assert parse_claim("Claim number Q00MX417") == "Q00MX417"
    # a case number between slashes keeps its letters (a court's code may hold an O)
    assert parse_claim("Case ref SP/GOV/1182/27") == "SP/GOV/1182/27"
