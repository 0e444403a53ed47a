"""Kinds of reading added in round 33 of the reader (issue 14), from the misses of AK, each
on wording and layouts unlike every corpus family (Over Wyre, Lancashire: a Knott End
mooring company, a Pilling boat lender, a Preesall salt works, a Stalmine kennels, a
Fleetwood office of a payment): the test checks the *kind* of rule — a table too wide for
its paper whose columns run on to the next page (the next page repeats the first column's
heading over the same rows, its values with no labels beside them) reads each value with
its row's label from the first page, even when OCR has lost the rows' numbers; a number of
a print of the account ("Ledger print 771045") is no account reference; a note in brackets
after a party's label ("Claimant (yacht loan lender)") makes no number's label of it;
a place's name with a lower-case particle ("Poulton le Fylde", "Stoke upon Tern") is one
name in running text; an office named for a payment ("Cold Weather Payment Centre") is an
organisation, and an overpayments desk ("Overpayment Recovery") no name; net pay worked out
in its label ("earnings less deductions") is the income, and a payslip's row of totals
under "Payments | Deductions" gives the gross; a claim number has a figure ("quote the
claim number whenever you write" names none); after OCR, a padded day's nought read as a
letter O ("O4 May 2027", "O04 May 2027") is the day — not a family's phrase.
Pages of made-up wording (exact word boxes), each read by the rules as a given kind (the
shipped classifier plays no part). Each test failed on the old reader (main's ``src`` at
90d6072, the reader as at 1ccbda2: an archive of it, run against it)."""

from __future__ import annotations

import datetime as dt

import attrs
from tests.unit.documents.reading_support import one_page, read_by_rules

from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import parse_name
from cma_core.documents.model import Box, DocumentClass, Extraction, PageText, Word

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Jory Cottam-Whiteside"),),
    (Cell(0.08, "9 Lancaster Road"),),
    (Cell(0.08, "Knott End-on-Sea"),),
    (Cell(0.08, "FY6 0DN"),),
)


def _read(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


def _read_pages(pages: list[list[tuple[Cell, ...]]], cls: DocumentClass) -> Extraction:
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=tuple(pages))
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


# -- a table's columns run on to the next page ---------------------------------------------


def _ledger(keys: bool) -> list[list[tuple[Cell, ...]]]:
    """A mooring company's arrears letter whose account table was too wide: the items and
    a check column on page 1, the same rows' values on page 2 (their numbers printed, or
    lost as OCR loses them)."""

    def key(n: str) -> tuple[Cell, ...]:
        return (Cell(0.1, n),) if keys else ()

    first = [
        (Cell(0.08, "KNOTT END MOORINGS LTD", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Mooring fees behind", bold=True),),
        (Cell(0.08, "Our system's table of your mooring was too wide to print on one sheet."),),
        (Cell(0.1, "Row"), Cell(0.3, "Particulars"), Cell(0.75, "Checked by")),
        (*key("1"), Cell(0.3, "Date of this letter"), Cell(0.75, "JW")),
        (*key("2"), Cell(0.3, "Berth agreement number"), Cell(0.75, "JW")),
        (*key("3"), Cell(0.3, "Mooring fees unpaid"), Cell(0.75, "AK")),
        (*key("4"), Cell(0.3, "Settle the fees before"), Cell(0.75, "AK")),
    ]  # fmt: skip
    second = [
        (Cell(0.08, "Knott End Moorings Ltd"), Cell(0.8, "Sheet 2")),
        (Cell(0.1, "Row"), Cell(0.3, "Figure held"), Cell(0.6, "Kind")),
        (*key("1"), Cell(0.3, "14 May 2027"), Cell(0.6, "date")),
        (*key("2"), Cell(0.3, "KEM-22190-B"), Cell(0.6, "text")),
        (*key("3"), Cell(0.3, "£1,306.75"), Cell(0.6, "sum")),
        (*key("4"), Cell(0.3, "4 June 2027"), Cell(0.6, "date")),
        (Cell(0.08, "Please pay what is behind, or ring us to agree how, to keep your berth."),),
    ]  # fmt: skip
    return [first, second]


def test_a_tables_columns_run_on_to_the_next_page() -> None:
    """Each value on page 2 is read with the label of its row on page 1, with the rows'
    numbers printed and without them (OCR loses small figures in a column)."""
    for keys in (True, False):
        read = _read_pages(_ledger(keys), C.CREDITOR_LETTER)
        assert read.account_reference == "KEM-22190-B", keys
        assert read.balance_pence == 130675, keys
        assert read.letter_date == dt.date(2027, 5, 14), keys
        assert read.deadline_date == dt.date(2027, 6, 4), keys
    _other_tables_stay()


def _other_tables_stay() -> None:
    """Guards: a next page with as many rows under a first heading of another name, under
    the same headings (a table printed again, not run on), or with a row fewer, gets no
    labels."""
    from cma_adapters.rules_assistant.layout import carry_row_labels

    first, second = _ledger(True)
    layout = page_layout(sample_pages(one_page(first))[0])
    for changed in (
        [(Cell(0.1, "Item"), *second[1][1:]), *second[2:]],
        [(Cell(0.1, "Row"), Cell(0.3, "Particulars"), Cell(0.75, "Checked by")), *second[2:]],
        [second[1], *second[2:5], second[6]],
    ):
        page2 = page_layout(sample_pages(one_page([second[0], *changed]))[0])
        page2 = attrs.evolve(page2, page=2)
        assert carry_row_labels([layout, page2])[1] == page2


# -- a print's number ----------------------------------------------------------------------


def test_a_prints_number_is_no_reference() -> None:
    """A ledger printed for the client, the extract numbered above the account's facts."""
    page = [
        (Cell(0.08, "PILLING BOAT FINANCE LTD", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your boat loan: copy of the ledger", bold=True),),
        (Cell(0.08, "Account extract 771045 made for you on 2 March 2027"),),
        (Cell(0.08, "Boat loan number"), Cell(0.45, "PBF/60-3318")),
        (Cell(0.08, "Left to pay"), Cell(0.45, "£2,940.10")),
        (Cell(0.08, "Please keep this copy with your loan papers."),),
    ]  # fmt: skip
    assert _read(page, C.CREDITOR_LETTER).account_reference == "PBF/60-3318"


# -- a party's label with a note in brackets -------------------------------------------------


def test_a_note_in_brackets_after_a_partys_label() -> None:
    """A claim's box "Claimant (yacht loan lender)": the note says what the claimant
    is; "finance" after "claimant" names no number of the claimant's."""
    page = [
        (Cell(0.08, "Wyre Legal Forms Ltd"),),  # (the form's printer)
        (Cell(0.08, "COUNTY COURT AT LANCASTER", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A CLAIM HAS BEEN MADE AGAINST YOU", bold=True),),
        (Cell(0.08, "Claim number"), Cell(0.55, "Claimant (yacht loan lender)")),
        (Cell(0.08, "K7QP2204"), Cell(0.55, "Stalmine Marine Credit Ltd")),
        (Cell(0.08, "Amount claimed"), Cell(0.55, "Date of issue")),
        (Cell(0.08, "£4,118.60"), Cell(0.55, "6 April 2027")),
        (Cell(0.08, "Read the notes with this form before you answer the claim."),),
    ]  # fmt: skip
    read = _read(page, C.COURT_CLAIM_N1)
    assert read.creditor_name == "Stalmine Marine Credit Ltd"


def test_a_place_name_with_a_particle_is_one_name() -> None:
    """A firm named for a town whose name has a lower-case particle, named only in the
    letter's sentences: "Poulton le Fylde Marine Finance Ltd has issued a claim"."""
    page = [
        (Cell(0.08, "COUNTY COURT AT LANCASTER", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Claim issued against you", bold=True),),
        (Cell(0.08, "Dear Mr Cottam-Whiteside,"),),
        (Cell(0.08, "Poulton le Fylde Marine Finance Ltd has issued a claim against you for"),),
        (Cell(0.08, "£2,210.00 owed under a boat loan."),),
    ]  # fmt: skip
    assert _read(page, C.COURT_CLAIM_N1).creditor_name == "Poulton le Fylde Marine Finance Ltd"
    page[5] = (Cell(0.08, "Stoke upon Tern Salt Works Ltd has issued a claim against you for"),)
    assert _read(page, C.COURT_CLAIM_N1).creditor_name == "Stoke upon Tern Salt Works Ltd"


# -- an office named for a payment ---------------------------------------------------------


def test_an_office_named_for_a_payment_is_the_creditor() -> None:
    """An overpayment letter headed by the office that pays a named payment, signed by its
    overpayments desk: the office is who is owed; the desk is no name."""
    page = [
        (Cell(0.08, "COLD WEATHER PAYMENT CENTRE", bold=True),),
        (Cell(0.08, "Fleetwood Road, Fleetwood FY7 6AB"),),
        *_ADDRESSEE,
        (Cell(0.08, "COLD WEATHER PAYMENTS YOU SHOULD NOT HAVE HAD", bold=True),),
        (Cell(0.08, "Reference"), Cell(0.5, "CWP-448120")),
        (Cell(0.08, "To pay back"), Cell(0.5, "£75.00")),
        (Cell(0.08, "You were paid three cold weather payments you were not due."),),
        (Cell(0.08, "Yours sincerely,"),),
        (Cell(0.08, "Overpayment Recovery"),),
    ]  # fmt: skip
    read = _read(page, C.OVERPAYMENT)
    assert read.creditor_name is not None
    assert read.creditor_name.casefold() == "cold weather payment centre"
    assert parse_name("Overpayment Recovery") is None
    assert parse_name("Overpayments Recovery Unit") is None


# -- a payslip's net pay worked out in its label, and its row of totals ------------------------


def _payslip() -> list[tuple[Cell, ...]]:
    """A salt works' payslip: payments and deductions in two money columns, their totals
    in one row, then "Net pay (earnings less deductions)"."""
    return [
        (Cell(0.08, "Preesall Salt Works Ltd", bold=True),),
        (Cell(0.08, "Payslip: Jory Cottam-Whiteside, works no. 4417"),
         Cell(0.6, "Paid 28 May 2027")),
        (Cell(0.08, "Paid monthly"),),
        (Cell(0.08, "Line"), Cell(0.5, "Payments"), Cell(0.72, "Deductions")),
        (Cell(0.08, "Salary"), Cell(0.5, "2,140.00")),
        (Cell(0.08, "Brine shift allowance"), Cell(0.5, "85.50")),
        (Cell(0.08, "Tax"), Cell(0.72, "231.40")),
        (Cell(0.08, "National Insurance"), Cell(0.72, "98.16")),
        (Cell(0.08, "Totals"), Cell(0.5, "2,225.50"), Cell(0.72, "329.56")),
        (Cell(0.08, "Net pay (earnings less deductions)"), Cell(0.72, "1,895.94")),
    ]  # fmt: skip


def test_net_pay_worked_out_in_its_label_is_the_income() -> None:
    """ "Net pay (earnings less deductions)" names the deductions only to say they are
    taken off: it is net pay, as "after deductions" is."""
    assert _read(_payslip(), C.PAYSLIP).income_pence == 189594


def test_a_payslips_totals_row_under_payments_gives_the_gross() -> None:
    """The row of totals under "Payments | Deductions": its figure under "Payments" is
    the gross pay (the one under "Deductions" is not)."""
    assert _read(_payslip(), C.PAYSLIP).gross_pence == 222550


# -- a claim number has a figure -------------------------------------------------------------


def test_a_claim_number_has_a_figure() -> None:
    """A kennels' judgment whose claim number is unread (a stamp over it): "Quote the
    claim number whenever you write" names no claim number."""
    page = [
        (Cell(0.08, "COUNTY COURT AT LANCASTER", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "JUDGMENT FOR THE CLAIMANT", bold=True),),
        (Cell(0.08, "Stalmine Kennels Ltd has been given judgment against you for £640.00."),),
        (Cell(0.08, "Quote the claim number whenever you write to the court."),),
    ]  # fmt: skip
    assert _read(page, C.COUNTY_COURT_JUDGMENT).court_claim_number is None


# -- after OCR: a padded day's nought read as a letter O ----------------------------------------


def _words_page(lines: list[tuple[int, list[tuple[int, str]]]]) -> PageText:
    """A page of word boxes as OCR reads them (confidence 0.9): each line (top, cells),
    each cell (left, text), a word's width half its height (24) a character."""
    words = []
    for top, cells in lines:
        for left, text in cells:
            x = left
            for token in text.split():
                width = len(token) * 12
                box = Box(left=x, top=top, width=width, height=24)
                words.append(Word(text=token, box=box, confidence=0.9))
                x += width + 12
    text = "\n".join("   ".join(t for _, t in cells) for _, cells in lines)
    return PageText(number=1, text=text, confidence=0.9, words=tuple(words), size=(1700, 2400))


def test_after_ocr_a_padded_days_nought_read_as_a_letter() -> None:
    """A scanned kennels' bill: its date's padded day read "O4" (the nought as a letter
    O), or with an O before the figures ("O04"), is the 4th."""
    for day in ("O4", "O04"):
        page = _words_page(
            [
                (100, [(140, "STALMINE KENNELS LTD")]),
                (160, [(140, "Boarding bill, unpaid")]),
                (240, [(140, "Date of this bill"), (700, f"{day} May 2027")]),
                (300, [(140, "Kennel account"), (700, "SKL-30418")]),
                (360, [(140, "Boarding fees owed"), (700, "£288.00")]),
            ]
        )
        read = extract(page.text, [page], None, given=C.CREDITOR_LETTER)
        assert read.letter_date == dt.date(2027, 5, 4), day


# -- a supplier's notice of a credit -----------------------------------------------------------


def test_a_suppliers_notice_of_a_credit_is_no_bill() -> None:
    """An energy supplier's letter that a rebate was put on the account: read by the word
    model as a bill (a supplier, an account, an amount), it says there is nothing to pay
    and shows nothing billed, so it is other; a bill that says nothing is to pay this month
    but shows its meter readings stays a bill."""
    page = [
        (Cell(0.08, "Over Wyre Power Ltd", bold=True),),
        (Cell(0.08, "Hall Gate Lane, Preesall FY6 0NP"),),
        *_ADDRESSEE,
        (Cell(0.08, "Account number 4410229718"),),
        (Cell(0.08, "12 January 2027"),),
        (Cell(0.08, "Credit on your electricity account", bold=True),),
        (Cell(0.08, "Dear Mr Cottam-Whiteside,"),),
        (Cell(0.08, "We have added £95.00 to your electricity account as a goodwill credit."),),
        (Cell(0.08, "You do not need to do anything, and nothing is owed. The credit will"),),
        (Cell(0.08, "come off your next electricity charges."),),
        (Cell(0.08, "Over Wyre Power Ltd. Registered office as above, company number 61120447."),),
    ]  # fmt: skip
    read = read_by_rules(page)
    assert read.document_class is C.OTHER, read.document_class
    bill = [
        *page[:6],
        (Cell(0.08, "Your electricity bill", bold=True),),
        (Cell(0.08, "Meter reading 40417 (actual), units used 312 kWh"),),
        (Cell(0.08, "Electricity charges for the period £98.11, paid by Direct Debit"),),
        (Cell(0.08, "There is nothing to pay: your Direct Debit covers this bill."),),
    ]
    assert read_by_rules(bill).document_class is C.UTILITY_BILL
