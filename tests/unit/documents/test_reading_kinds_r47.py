# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 47 of the reader (issue 14), from the misses of BD on
perfect text and after OCR (benchmarks/OCR.md, "Round 47"), each on wording and layouts
unlike every corpus family (an invented district, Corvandale, and its town of Pennistow:
a collection agency, a joinery firm and a glazier, the county court and a High Court
enforcer, a creamery's and a boatyard's payslips, bailiffs for the district council, a
timber merchant); the OCR kinds on text with damage written here, as Tesseract leaves it
(a legal form glued to the word before it, a strip of plastic over a line read as words).
The test checks the *kind* of rule, not a family's phrase. Pages of made-up wording
(exact word boxes) read by the rules as a given kind (the shipped classifier plays no
part), or a scanned page's word boxes with Tesseract's confidences and line numbers. Each
test failed on the old reader (main's ``src`` at a96bff88, an archive of that commit, run
against it)."""

from __future__ import annotations

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.labelled import REFERENCE_LABELS
from cma_adapters.rules_assistant.layout import find_label_hits, page_layout
from cma_core.documents.model import Box, DocumentClass, PageText, Word

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Oluwaseun Brackley"),),
    (Cell(0.08, "3 Wicket Row"),),
    (Cell(0.08, "Pennistow, Corvandale"),),
    (Cell(0.08, "CV9 2LT"),),
)


# -- the creditor ----------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Halden collects for", "Halden works for", "Halden represents"])
def test_the_writer_named_in_the_third_person_then_whom_it_works_for_names_the_one_owed(
    label: str,
) -> None:
    """A collection agency's box naming itself, then whom it acts for ("Halden collects
    for"): the firm in the box is owed, not the agency whose letterhead it is."""
    page = [
        (Cell(0.08, "Halden Debt Solutions Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your catalogue account is now with Halden"),),
        (Cell(0.08, "Dear Mr Brackley"),),
        (Cell(0.08, "The account below was closed after three missed payments. Please contact us to settle it."),),
        (Cell(0.1, "Halden wrote on"), Cell(0.55, "8 June 2028")),
        (Cell(0.1, "Halden file no."), Cell(0.55, "HDS-402217")),
        (Cell(0.1, "Left to pay"), Cell(0.55, "£1,388.40")),
        (Cell(0.1, label), Cell(0.55, "Pennistow Home Shopping Ltd")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Pennistow Home Shopping Ltd", label


@pytest.mark.parametrize(
    "told",
    [
        "made a claim against you for unpaid joinery invoices",
        "brought a small claim against you over its invoices",
        "took court action against you for its invoices",
    ],
)
def test_a_claim_told_as_done_names_its_claimant(told: str) -> None:
    """A court's judgment whose body says who claimed in the past tense, no auxiliary
    ("X made a claim against you", "X took court action against you"), no box naming the claimant: the firm is
    owed, not the court whose letterhead it is."""
    page = [
        (Cell(0.08, "County Court at Pennistow", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment for the claimant"),),
        (Cell(0.08, f"Corvandale Joinery Ltd {told}, and judgment has now been given."),),
        (Cell(0.1, "Judgment dated"), Cell(0.55, "2 March 2028")),
        (Cell(0.1, "Claim no."), Cell(0.55, "K7PN4410")),
        (Cell(0.1, "Sum of the judgment"), Cell(0.55, "£2,904.18")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.creditor_name == "Corvandale Joinery Ltd", told


@pytest.mark.parametrize(
    "sentence",
    [
        "A writ of control was sealed to enforce Corvandale Glazing Ltd's judgment against you and sent to us.",
        "We hold a warrant under Corvandale Glazing Ltd’s county court judgment of last spring.",
    ],
)
def test_a_judgment_named_as_a_firm_s_own_names_the_one_owed(sentence: str) -> None:
    """An enforcer's notice whose body names the judgment as a firm's own ("to enforce X's
    judgment against you"), no box naming it: the firm is owed, not the enforcer."""
    page = [
        (Cell(0.08, "Stannard Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Notice before we visit"),),
        (Cell(0.08, sentence),),
        (Cell(0.1, "Stannard ref."), Cell(0.55, "SE-33/0918")),
        (Cell(0.1, "To pay with our fee"), Cell(0.55, "£1,746.90")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Corvandale Glazing Ltd", sentence


@pytest.mark.parametrize(
    ("shown", "name"),
    [
        ("Corvandale Timber SuppliesLtd", "Corvandale Timber Supplies Ltd"),
        ("Pennistow Savings Bankplc", "Pennistow Savings Bank plc"),
    ],
)
def test_a_legal_form_ocr_glued_to_the_word_before_it_is_the_name_s_end(
    shown: str, name: str
) -> None:
    """After OCR, a creditor's box "Timber SuppliesLtd": the space before its legal form
    lost, the name is still the firm's, "Ltd" (or "plc") a word of its own."""
    page = [
        (Cell(0.08, "Stannard Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Notice before we visit"),),
        (Cell(0.1, "Stannard ref."), Cell(0.55, "SE-33/0918")),
        (Cell(0.1, "To pay with our fee"), Cell(0.55, "£1,746.90")),
        (Cell(0.1, "Judgment creditor"), Cell(0.55, shown)),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == name, shown


# -- the reference ---------------------------------------------------------------------


def test_a_length_of_time_beside_a_reference_label_is_no_reference() -> None:
    """A grid of labels over values, the right label "14-day notice ends" beside the
    reference's label: "14-day" is a length of time, never the account's reference."""
    page = [
        (Cell(0.08, "Corvandale Boat Hire Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Final notice before court action"),),
        (Cell(0.1, "Hire account"), Cell(0.5, "14-day notice ends")),
        (Cell(0.1, "CBH 708214"), Cell(0.5, "19 May 2028")),
        (Cell(0.1, "Sum owed on the account"), Cell(0.5, "Notice dated")),
        (Cell(0.1, "£3,280.00"), Cell(0.5, "5 May 2028")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.account_reference == "CBH 708214"


@pytest.mark.parametrize(
    "footer",
    [
        "Pennistow Building Society is authorised and regulated by the FCA and the PRA (register no. 412207).",
        "Authorised by the Financial Conduct Authority, Financial Services Register number 412207.",
    ],
)
def test_a_regulator_s_register_number_in_the_body_is_no_reference(footer: str) -> None:
    """A building society's footer naming its number on a regulator's register ("(register
    no. 412207)"), the letter's own account number nowhere in the words: the register's
    number is the society's, never the client's account."""
    page = [
        (Cell(0.08, "Pennistow Building Society", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your mortgage payments"),),
        (Cell(0.08, "Dear Mr Brackley"),),
        (Cell(0.08, "Two of your monthly payments have been missed and the arrears are now £1,318.44."),),
        (Cell(0.08, "Please call our Borrower Care Team so we can agree a plan you can keep to."),),
        (Cell(0.08, footer),),
    ]  # fmt: skip
    got = read_as(page, C.MORTGAGE_ARREARS)
    assert got.account_reference is None, footer


@pytest.mark.parametrize(
    "label", ["Invoices unpaid", "Amount repaid so far", "Sum prepaid", "Charges still unpaid"]
)
def test_a_sum_s_word_ending_in_id_is_no_reference_label(label: str) -> None:
    """A label of what is or is not paid ("Invoices unpaid", "Amount repaid") names a
    sum; its last letters "id" are no ID's, so it is no reference's label."""
    page = [(Cell(0.1, label), Cell(0.55, "£612.40"))]
    layouts = [page_layout(_page_of(page))]
    for pattern, _, _ in REFERENCE_LABELS:
        assert not find_label_hits(layouts, pattern), (label, pattern.pattern)


# -- the balance and the gross pay ----------------------------------------------------


@pytest.mark.parametrize(
    "label",
    ["Council tax outstanding plus our £75 fee", "Council tax due with the compliance fee"],
)
def test_a_tax_owed_with_the_fee_added_is_the_whole_owed(label: str) -> None:
    """An enforcer's box naming the tax, its state ("outstanding", "still owed") and the
    fee added: the sum in it is the whole owed, not a tax's part."""
    page = [
        (Cell(0.08, "Stannard Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Corvandale District Council has passed your council tax arrears to us."),),
        (Cell(0.1, "Stannard ref."), Cell(0.55, "SE-33/1204")),
        (Cell(0.1, label), Cell(0.55, "£903.65")),
        (Cell(0.1, "Pay us by"), Cell(0.55, "30 June 2028")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.balance_pence == 90365, label


@pytest.mark.parametrize(
    ("added", "taken"), [("Money in", "Money out"), ("In", "Out"), ("Plus", "Minus")]
)
def test_a_payslip_s_columns_named_by_direction_total_the_gross_under_the_first(
    added: str, taken: str
) -> None:
    """A payslip's two columns headed by direction alone ("In" and "Out"), a row of
    totals under them: the total under the first is the gross pay."""
    page = [
        (Cell(0.08, "Corvandale Creamery Ltd", bold=True),),
        (Cell(0.08, "Oluwaseun Brackley, dairy hand"), Cell(0.7, "Paid 28 April 2028")),
        (Cell(0.08, "Monthly pay"),),
        (Cell(0.08, "Item"), Cell(0.55, added), Cell(0.75, taken)),
        (Cell(0.08, "Salary"), Cell(0.55, "1,812.00")),
        (Cell(0.08, "Early start supplement"), Cell(0.55, "140.25")),
        (Cell(0.08, "PAYE"), Cell(0.75, "190.40")),
        (Cell(0.08, "NI"), Cell(0.75, "121.70")),
        (Cell(0.08, "Totals"), Cell(0.55, "1,952.25"), Cell(0.75, "312.10")),
        (Cell(0.08, "Take home"), Cell(0.75, "1,640.15")),
    ]  # fmt: skip
    got = read_as(page, C.PAYSLIP)
    assert got.gross_pence == 195225, added


@pytest.mark.parametrize(
    "label", ["Earnings added up", "Payments in all", "Pay and allowances together"]
)
def test_a_payslip_s_earnings_totalled_in_other_words_are_the_gross(label: str) -> None:
    """A payslip's earnings, then their sum named after its noun ("Earnings added up",
    "Payments in all"): the gross pay."""
    page = [
        (Cell(0.08, "Pennistow Boatyard Ltd", bold=True),),
        (Cell(0.08, "Oluwaseun Brackley, yard hand"), Cell(0.7, "Paid 12 May 2028")),
        (Cell(0.08, "Weekly pay"),),
        (Cell(0.08, "Hours at the yard rate"), Cell(0.75, "462.80")),
        (Cell(0.08, "Tide shift premium"), Cell(0.75, "38.00")),
        (Cell(0.08, label), Cell(0.75, "500.80")),
        (Cell(0.08, "PAYE"), Cell(0.75, "46.20")),
        (Cell(0.08, "Class 1 NI"), Cell(0.75, "28.31")),
        (Cell(0.08, "Sent to your bank"), Cell(0.75, "426.29")),
    ]  # fmt: skip
    got = read_as(page, C.PAYSLIP)
    assert got.gross_pence == 50080, label


# -- OCR: a mark over a line read as words ----------------------------------------------


def _page_of(page: list[tuple[Cell, ...]]) -> PageText:
    from tests.unit.documents.reading_support import one_page

    from cma_adapters.rules_assistant.corpus import sample_pages

    return sample_pages(one_page(page))[0]


_H = 24  # a word's height in pixels, a character half of it wide


def _word(left: int, top: int, text: str, confidence: float, line: int, **size: int) -> Word:
    width = size.get("width", len(text) * _H // 2)
    box = Box(left=left, top=top, width=width, height=size.get("height", _H))
    return Word(text=text, box=box, confidence=confidence, line=line)


def _line(top: int, text: str, line: int) -> list[Word]:
    """The words of one line from the left margin, a space (14 pixels) between them."""
    out, left = [], 200
    for word in text.split():
        out.append(_word(left, top, word, 0.95, line))
        left += len(word) * _H // 2 + 14
    return out


_FOOTER = (
    "Corvandale Water Ltd is registered in England and Wales, company number 30418822.",
    "Registered office: The Pumping Station, Mill Lane, Pennistow CV9 1AA.",
    "If you are finding it hard to pay, ask us about our help schemes and payment plans.",
    "We can send this bill in large print, in Braille or on audio; call us to ask for it.",
    "Calls to our customer team are free from landlines and mobiles in the United Kingdom.",
    "Read your meter online at any time to keep your bills based on what you really use.",
)


def test_a_mark_over_a_line_read_as_words_is_no_part_of_its_cells() -> None:
    """After OCR, a strip of clear plastic across a bill's dated line, read by Tesseract
    as words of a line of its own ("Wn" the strip's whole width, "Ju" over "Jun") with
    low confidence, boxes over the line's words read far surer: the label and the date
    are read as the page prints them."""
    words = [
        _word(200, 100, "Corvandale", 0.95, 1),
        _word(340, 100, "Water", 0.95, 1),
        _word(420, 100, "Ltd", 0.95, 1),
        _word(200, 200, "Mr", 0.95, 2),
        _word(240, 200, "Oluwaseun", 0.95, 2),
        _word(370, 200, "Brackley", 0.95, 2),
        _word(200, 240, "3", 0.95, 3),
        _word(220, 240, "Wicket", 0.95, 3),
        _word(310, 240, "Row", 0.95, 3),
        _word(200, 280, "Pennistow", 0.95, 4),
        _word(200, 320, "CV9", 0.95, 5),
        _word(250, 320, "2LT", 0.95, 5),
        _word(200, 420, "Your", 0.95, 6),
        _word(260, 420, "water", 0.95, 6),
        _word(330, 420, "bill", 0.95, 6),
        _word(200, 500, "Corvandale", 0.95, 7),
        _word(340, 500, "bill", 0.95, 7),
        _word(400, 500, "date", 0.95, 7),
        _word(900, 504, "9", 0.95, 7),
        _word(920, 504, "Jun", 0.95, 7),
        _word(970, 504, "'28", 0.95, 7),
        _word(200, 560, "Water", 0.95, 8),
        _word(270, 560, "account", 0.95, 8),
        _word(900, 560, "CW-2209184", 0.95, 8),
        _word(200, 620, "Charges", 0.95, 9),
        _word(300, 620, "this", 0.95, 9),
        _word(350, 620, "half", 0.95, 9),
        _word(400, 620, "year", 0.95, 9),
        _word(900, 620, "£214.60", 0.95, 9),
        _word(200, 700, "Please", 0.95, 10),
        _word(290, 700, "pay", 0.95, 10),
        _word(340, 700, "by", 0.95, 10),
        _word(380, 700, "30", 0.95, 10),
        _word(420, 700, "Jun", 0.95, 10),
        _word(470, 700, "2028.", 0.95, 10),
        *(w for n, line in enumerate(_FOOTER) for w in _line(760 + 40 * n, line, 11 + n)),
        # the strip's marks, a line of their own, over the dated line
        _word(180, 480, "Wn", 0.41, 20, width=1100, height=60),
        _word(922, 482, "Ju", 0.48, 20, width=34, height=60),
    ]
    text = "\n".join(
        [
            "Corvandale Water Ltd",
            "Mr Oluwaseun Brackley",
            "3 Wicket Row",
            "Pennistow",
            "CV9 2LT",
            "Your water bill",
            "Corvandale bill date 9 Jun '28",
            "Water account CW-2209184",
            "Charges this half year £214.60",
            "Please pay by 30 Jun 2028.",
            *_FOOTER,
            "Wn Ju",
        ]
    )
    page = PageText(number=1, text=text, confidence=0.8, words=tuple(words), size=(2480, 3508))
    rows = [[c.text for c in row] for row in page_layout(page).rows]
    assert ["Corvandale bill date", "9 Jun '28"] in rows
    got = extract(page.text, [page], None, given=C.UTILITY_BILL)
    assert str(got.letter_date) == "2028-06-09"
