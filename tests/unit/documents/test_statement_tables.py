"""Bank statements from scans and photos (branch stmtimg): each kind of printed statement
table the reader takes, on made-up pages read as the product reads them (perfect text,
exact word boxes, no Tesseract), and the suggestions a one-month statement gives."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
from benchmarks.statement_pages import right
from tests.unit.documents.reading_support import one_page, read_by_rules

from cma_adapters.rules_assistant import statement_tables, statements
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages
from cma_adapters.rules_assistant.layout import page_layout
from cma_core.documents import rules
from cma_core.documents.model import (
    Box,
    DocumentClass,
    Extraction,
    PageSource,
    PageText,
    SuggestionId,
    SuggestionKind,
    Word,
)
from cma_core.documents.transactions import DEBT_REPAYMENT, Transaction

from .test_model import NOW, make_document

D = dt.date
Page = list[tuple[Cell, ...]]


def head(*lines: str) -> Page:
    return [(Cell(0.08, "Pennine Mutual Bank", True),), *[(Cell(0.08, x),) for x in lines], ()]


def read(*pages: Page, letter: dt.date | None = None) -> list[tuple[dt.date, int, str]]:
    """The pages' transactions as the statement reader reads them (date, pence, words)."""
    truth = Truth(document_class=DocumentClass.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=tuple(pages))
    layouts = [page_layout(p) for p in sample_pages(sample)]
    got = statements.from_layouts(layouts, None, letter=letter)
    return [(t.date, t.amount_pence, t.description) for t in got]


def test_one_signed_amount_column_with_a_minus_for_money_out() -> None:
    page = [
        *head("Statement period 01/03/2026 - 31/03/2026"),
        (Cell(0.08, "Date"), Cell(0.22, "Transaction details"), right(0.76, "Amount"),
         right(0.92, "Balance")),
        (Cell(0.08, "02/03/2026"), Cell(0.22, "BACS CREDIT DWP UC"), right(0.76, "812.40"),
         right(0.92, "1,012.40")),
        (Cell(0.08, "04/03/2026"), Cell(0.22, "DIRECT DEBIT EDF ENERGY"), right(0.76, "-95.00"),
         right(0.92, "917.40")),
    ]  # fmt: skip
    assert read(page) == [
        (D(2026, 3, 2), 81240, "BACS CREDIT DWP UC"),
        (D(2026, 3, 4), -9500, "DIRECT DEBIT EDF ENERGY"),
    ]


def test_dr_and_cr_marks_and_a_trailing_minus_say_the_direction() -> None:
    page = [
        *head("Statement for the period ended 31 March 2026"),
        (Cell(0.08, "Date"), Cell(0.22, "Details"), right(0.72, "Amount £"),
         right(0.92, "Balance £")),
        (Cell(0.08, "Mon 02 Mar"), Cell(0.22, "CREDIT FROM DWP PIP"), right(0.72, "441.20 CR"),
         right(0.92, "641.20 CR")),
        (Cell(0.08, "Wed 04 Mar"), Cell(0.22, "DD KESTREL LENDING"), right(0.72, "58.42 DR"),
         right(0.92, "582.78 CR")),
        (Cell(0.08, "Thu 05 Mar"), Cell(0.22, "POS ICELAND FOODS"), right(0.72, "12.00-"),
         right(0.92, "570.78 CR")),
    ]  # fmt: skip
    assert [(d, p) for d, p, _ in read(page)] == [
        (D(2026, 3, 2), 44120),
        (D(2026, 3, 4), -5842),
        (D(2026, 3, 5), -1200),
    ]


def test_right_aligned_money_goes_to_the_heading_it_lines_up_with() -> None:
    # "Paid in" amounts end under the heading's right edge, their left edge nearer the
    # "Paid out" heading's left than their own heading's.
    page = [
        *head("1 March 2026 to 31 March 2026"),
        (Cell(0.08, "Date"), Cell(0.19, "Description"), right(0.62, "Paid out"),
         right(0.7, "Paid in"), right(0.92, "Balance")),
        (Cell(0.08, "02 Mar"), Cell(0.19, "BGC HALDEN ENGINEERING"), right(0.7, "1,180.35"),
         right(0.92, "1,286.92")),
        (Cell(0.08, "03 Mar"), Cell(0.19, "SO J BROWN RENT"), right(0.62, "550.00"),
         right(0.92, "736.92")),
    ]  # fmt: skip
    assert [p for _, p, _ in read(page)] == [118035, -55000]


def test_amounts_beside_the_one_direction_heading_read_are_the_other_way() -> None:
    # A photo lost the "Debit" heading: the amounts not under "Credit" are money out.
    page = [
        *head("1 March 2026 to 31 March 2026"),
        (Cell(0.08, "Date"), Cell(0.2, "Description"), right(0.8, "Credit"),
         right(0.93, "Balance")),
        (Cell(0.08, "02-Mar"), Cell(0.2, "DWP UC"), right(0.8, "812.40"), right(0.93, "912.40")),
        (Cell(0.08, "03-Mar"), Cell(0.2, "DD EDF"), right(0.68, "95.00"), right(0.93, "817.40")),
    ]  # fmt: skip
    assert [p for _, p, _ in read(page)] == [81240, -9500]


def test_a_date_without_a_year_is_placed_on_or_before_the_statements_end() -> None:
    page = [
        *head("Statement period 15 December 2025 to 14 January 2026"),
        (Cell(0.08, "Date"), Cell(0.19, "Description"), Cell(0.6, "Money out"),
         Cell(0.74, "Money in")),
        (Cell(0.08, "20 Dec"), Cell(0.19, "DD BRIGHTSIDE ENERGY"), Cell(0.6, "95.00")),
        (Cell(0.08, "05-Jan"), Cell(0.19, "DWP UC"), Cell(0.74, "812.40")),
    ]  # fmt: skip
    assert [(d, p) for d, p, _ in read(page)] == [(D(2025, 12, 20), -9500), (D(2026, 1, 5), 81240)]
    # No full date on the page: the letter date's year, the same way.
    bare = [page[0], *page[2:]]
    assert [d for d, _, _ in read(bare, letter=D(2026, 1, 16))] == [D(2025, 12, 20), D(2026, 1, 5)]


def test_a_description_over_two_lines_and_the_date_once_a_day() -> None:
    page = [
        *head("Period: 01 Mar - 31 Mar 2026"),
        (Cell(0.08, "Date"), Cell(0.19, "Description"), right(0.66, "Withdrawals"),
         right(0.79, "Deposits"), right(0.93, "Balance")),
        (Cell(0.08, "02 Mar 26"), Cell(0.19, "DIRECT DEBIT WESSEX"), right(0.66, "42.32")),
        (Cell(0.19, "ELECTRIC REF 900798"),),
        (Cell(0.19, "POS ICELAND FOODS"), right(0.66, "12.50"), right(0.93, "945.18")),
    ]  # fmt: skip
    assert read(page) == [
        (D(2026, 3, 2), -4232, "DIRECT DEBIT WESSEX ELECTRIC REF 900798"),
        (D(2026, 3, 2), -1250, "POS ICELAND FOODS"),
    ]


def test_balances_carried_forward_and_totals_are_no_payments() -> None:
    page = [
        *head("1 March 2026 to 31 March 2026"),
        (Cell(0.08, "Date"), Cell(0.19, "Description"), right(0.66, "Debit"), right(0.79, "Credit"),
         right(0.93, "Balance")),
        (Cell(0.08, "01 Mar"), Cell(0.19, "BALANCE BROUGHT FORWARD"), right(0.93, "210.14")),
        (Cell(0.08, "02 Mar"), Cell(0.19, "DD YORKSHIRE WATER"), right(0.66, "31.00"),
         right(0.93, "179.14")),
        (Cell(0.19, "Totals for the month"), right(0.66, "31.00"), right(0.79, "0.00")),
        (Cell(0.08, "31 Mar"), Cell(0.19, "Balance carried forward"), right(0.93, "179.14")),
    ]  # fmt: skip
    assert [p for _, p, _ in read(page)] == [-3100]


def test_an_amount_ocr_lost_is_the_running_balances_change() -> None:
    page = [
        *head("1 March 2026 to 31 March 2026"),
        (Cell(0.08, "Date"), Cell(0.19, "Description"), right(0.66, "Paid out"),
         right(0.79, "Paid in"), right(0.93, "Balance")),
        (Cell(0.08, "01 Mar"), Cell(0.19, "Balance brought forward"), right(0.93, "210.14")),
        (Cell(0.08, "04 Mar"), Cell(0.19, "DD RIVERSIDE HOUSING"), right(0.93, "99.86")),
    ]  # fmt: skip
    assert [(d, p) for d, p, _ in read(page)] == [(D(2026, 3, 4), -11028)]


def test_page_two_keeps_page_ones_columns_and_a_table_without_header_is_guessed() -> None:
    top = (Cell(0.08, "Date"), Cell(0.19, "Description"), right(0.66, "Money out"),
           right(0.79, "Money in"), right(0.93, "Balance"))  # fmt: skip
    rows = [
        (Cell(0.08, "02 Mar"), Cell(0.19, "DWP UC"), right(0.79, "812.40"), right(0.93, "912.40")),
        (Cell(0.08, "03 Mar"), Cell(0.19, "DD EDF"), right(0.66, "95.00"), right(0.93, "817.40")),
        (Cell(0.08, "04 Mar"), Cell(0.19, "POS ALDI"), right(0.66, "17.40"), right(0.93, "800.00")),
        (Cell(0.08, "05 Mar"), Cell(0.19, "SO RENT"), right(0.66, "500.00"), right(0.93, "300.00")),
    ]
    one = [*head("1 March 2026 to 31 March 2026"), top, *rows[:2]]
    two = [(Cell(0.08, "Pennine Mutual Bank  continued"),), (), *rows[2:]]
    assert [p for _, p, _ in read(one, two)] == [81240, -9500, -1740, -50000]
    # The header cropped off a photo: the columns from the dated rows, the directions
    # from the running balance.
    bare = [*head("1 March 2026 to 31 March 2026"), *rows]
    assert [p for _, p, _ in read(bare)] == [81240, -9500, -1740, -50000]


def test_the_amount_before_the_date_and_online_bankings_month_first_dates() -> None:
    page = [
        *head("Your transactions for the month ending Jul 19, 2026"),
        (Cell(0.08, "Amount"), Cell(0.3, "Date"), Cell(0.5, "Details")),
        (Cell(0.08, "-£140.82"), Cell(0.3, "Mon 25 Aug 2025"), Cell(0.5, "TESCO 2041")),
        (Cell(0.08, "£1,737.43"), Cell(0.3, "Jun 21, 2026"), Cell(0.5, "BGC WAGES")),
        (Cell(0.08, "(74.00)"), Cell(0.3, "Jul 1"), Cell(0.5, "ELECTRIC DD")),
    ]  # fmt: skip
    assert read(page) == [
        (D(2025, 8, 25), -14082, "TESCO 2041"),
        (D(2026, 6, 21), 173743, "BGC WAGES"),
        (D(2026, 7, 1), -7400, "ELECTRIC DD"),
    ]


def test_a_type_columns_code_leads_the_description_a_long_descriptions_end_stays() -> None:
    page = [
        *head("Showing transactions from 01 Mar 2026 to 31 Mar 2026"),
        (Cell(0.06, "Date"), Cell(0.18, "Description"), Cell(0.55, "Type"),
         right(0.72, "Money in (£)"), right(0.84, "Money out (£)"), right(0.96, "Balance (£)")),
        (Cell(0.06, "4 Mar 2026"), Cell(0.18, "ROTHER DC COUNCIL TAX"), Cell(0.55, "DD"),
         right(0.84, "134.92"), right(0.96, "1,032.59")),
        (Cell(0.06, "2 Mar 2026"), Cell(0.18, "DIRECT DEBIT SAINSBURYS SUPERMAR"),
         Cell(0.55, "DEB"), right(0.84, "59.99"), right(0.96, "1,167.51")),
    ]  # fmt: skip
    assert [d for _, _, d in read(page)] == [
        "DD ROTHER DC COUNCIL TAX",
        "DEB DIRECT DEBIT SAINSBURYS SUPERMAR",
    ]


def test_a_sentence_naming_details_and_money_in_is_no_table_header() -> None:
    page = [
        *head("Statement date 3 January 2026"),
        (Cell(0.08, "The details of your account and the money paid in are set out overleaf."),),
        (Cell(0.08, "9 Jun. 2025"), Cell(0.4, "£48.14"), Cell(0.7, "58")),
    ]  # fmt: skip
    assert read(page) == []


def test_a_date_photographed_lower_than_its_row_is_joined_to_it() -> None:
    """A keystoned photo lowers the date column by part of a line: the date falls into a
    row of its own, just under the payment's; it is that payment's date."""

    def word(text: str, left: int, top: int) -> Word:
        return Word(text=text, box=Box(left=left, top=top, width=12 * len(text), height=20))

    words = [
        word("Statement", 100, 40), word("1", 220, 40), word("March", 240, 40),
        word("2026", 320, 40), word("to", 380, 40), word("31", 410, 40),
        word("March", 450, 40), word("2026", 530, 40),
        word("Date", 100, 100), word("Narrative", 300, 100), word("Value", 800, 100),
        word("Balance", 1000, 100),
        word("BACS", 300, 140), word("CREDIT", 360, 140), word("DWP", 450, 140),
        word("1,726.17", 790, 140), word("1,825.95", 990, 140),
        word("Mon", 100, 156), word("02", 145, 156), word("Mar", 175, 156),
        word("DD", 300, 190), word("EDF", 340, 190), word("95.00-", 800, 190),
        word("1,730.95", 990, 190),
        word("Tue", 100, 206), word("03", 145, 206), word("Mar", 175, 206),
    ]  # fmt: skip
    page = PageText(
        number=1, text="", confidence=1.0, source=PageSource.OCR, words=tuple(words),
        size=(1240, 1754),
    )  # fmt: skip
    got = statements.from_layouts([page_layout(page)], None)
    assert [(t.date, t.amount_pence) for t in got] == [
        (D(2026, 3, 2), 172617),
        (D(2026, 3, 3), -9500),
    ]


def test_amount_marks_and_dates_as_ocr_reads_them() -> None:
    assert statement_tables.amount("13:22 DR") == (1322, -1)
    assert statement_tables.amount("(45.00)") == (4500, -1)
    assert statement_tables.amount("+£1,180.35") == (118035, 1)
    assert statement_tables.amount("860 840.71") is None  # a reference beside an amount
    end = D(2026, 1, 14)
    assert statement_tables.parse_date("O4 Dec", end) == D(2025, 12, 4)
    assert statement_tables.parse_date("Tue 06 Jan", end) == D(2026, 1, 6)
    assert statement_tables.parse_date("4th December 2025", None) == D(2025, 12, 4)


def test_a_photographed_one_month_statement_read_as_the_product_reads_it() -> None:
    page = [
        (Cell(0.08, "Northgate Bank", True),),
        (Cell(0.08, "Your Current Account statement"),),
        (Cell(0.08, "1 March 2026 to 31 March 2026"),),
        (Cell(0.08, "Sort code 20-45-77"), Cell(0.45, "Account number 31926658")),
        (),
        (Cell(0.08, "Date"), Cell(0.19, "Description"), right(0.66, "Paid out"),
         right(0.78, "Paid in"), right(0.92, "Balance")),
        (Cell(0.08, "01 Mar"), Cell(0.19, "BALANCE BROUGHT FORWARD"), right(0.92, "776.66")),
        (Cell(0.08, "02 Mar"), Cell(0.19, "BGC DWP UNIVERSAL CREDIT"), right(0.78, "812.40"),
         right(0.92, "1,589.06")),
        (Cell(0.08, "03 Mar"), Cell(0.19, "DD KESTREL LENDING"), right(0.66, "58.42"),
         right(0.92, "1,530.64")),
        (Cell(0.08, "05 Mar"), Cell(0.19, "DD LEEDS CITY COUNCIL CTAX"), right(0.66, "142.00"),
         right(0.92, "1,388.64")),
        (Cell(0.08, "30 Mar"), Cell(0.19, "BALANCE CARRIED FORWARD"), right(0.92, "1,388.64")),
    ]  # fmt: skip
    read = read_by_rules(page)
    assert read.document_class is DocumentClass.BANK_STATEMENT
    categorised = statements.categorise(read.transactions, statements.shipped())
    got = attrs.evolve(read, transactions=tuple(categorised))
    assert [t.amount_pence for t in got.transactions] == [81240, -5842, -14200]
    assert one_page(page).pages == (page,)
    kinds = {(p.kind, p.budget_line) for p in rules._statement_proposals(got)}
    assert (SuggestionKind.NEW_INCOME, "uc_tax_credits") in kinds
    assert (SuggestionKind.NEW_EXPENDITURE, "council_tax") in kinds
    assert (SuggestionKind.NEW_DEBT, None) in kinds


def _t(day: int, description: str, pence: int, category: str) -> Transaction:
    return Transaction(
        date=D(2026, 3, 1) + dt.timedelta(days=day),
        description=description,
        amount_pence=pence,
        category=category,
    )


def _suggested(*items: Transaction) -> list[tuple[SuggestionKind, str | None, str]]:
    extraction = Extraction(
        document_class=DocumentClass.BANK_STATEMENT, confidence=1.0, source="t", transactions=items
    )
    ids = iter(range(1, 99))
    made = rules.suggest(
        extraction,
        make_document(),
        new_id=lambda: SuggestionId(uuid.UUID(int=next(ids))),
        now=NOW,
    )
    return [(s.kind, s.creditor_name, s.title) for s in made]


def test_a_one_month_statement_names_a_regular_payment_to_a_creditor_seen_once() -> None:
    month = (
        _t(0, "BGC DWP UC", 81240, "uc_tax_credits"),
        _t(2, "DD VANQUIS CARDS", -4500, DEBT_REPAYMENT),
        _t(4, "POS KESTREL LENDING", -3000, DEBT_REPAYMENT),  # a lender by its name
        _t(6, "POS MARKET STALL", -2000, DEBT_REPAYMENT),  # neither: not named
        _t(27, "POS TESCO STORES", -4000, "groceries"),
    )
    made = _suggested(*month)
    debts = {c: title for kind, c, title in made if kind is SuggestionKind.NEW_DEBT}
    assert set(debts) == {"Vanquis Cards", "Kestrel Lending"}
    assert "seen once" in debts["Vanquis Cards"]
    lines = [title for kind, _, title in made if kind is SuggestionKind.NEW_EXPENDITURE]
    # One month's payments: the month's total is the monthly amount.
    assert lines == ["Add spending (Groceries): £40.00 a month (1 payment) (bank statement)"]
    # Over two months a payment seen once is not regular: no debt named.
    longer = (*month, _t(58, "POS TESCO STORES", -4000, "groceries"))
    assert not [k for k, _, _ in _suggested(*longer) if k is SuggestionKind.NEW_DEBT]
