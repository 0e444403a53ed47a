"""Kinds of reading added in round 7 of the reader (issue 14), from family N's misses,
each on a letter worded and laid out unlike every corpus family (A-D, H, K, L, M, N): the
test checks the *kind* of rule — an amount or a date that is its sentence's subject, a
value printed before its label, characters in comb boxes, a table's column header, a
masked card number, what a letter says it gives or that nothing is owed — not a family's
phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_adapters.rules_assistant.assistant import refine_class
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import Candidate, parse_name
from cma_core.documents.model import Box, DocumentClass, PageText, Word

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


# -- what a sentence says of its subject ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("£812.40 is the full amount you now owe on the card.", 81240),
        ("Our records show that £77.15 remains unpaid after your last bill.", 7715),
        ("A sum of GBP 1200.50 is still owing under the hire agreement.", 120050),
        ("£2,004.00 in total is due under the agreement now.", 200400),
    ],
)
def test_an_amount_that_is_its_sentence_s_subject(sentence: str, expected: int) -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Harbrook Leasing Ltd"),),
        (),
        (Cell(0.08, "Dear Ms Vale, " + sentence),),
        (Cell(0.08, "Your next repayment of £25.00 is taken on the 1st."),),
    )
    assert best(got, "balance_pence") == expected


def test_an_amount_that_continues_a_sentence_or_is_an_instalment_is_not_the_debt() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Harbrook Leasing Ltd"),),
        (Cell(0.08, "The balance of your hire account is £640.00. Your monthly instalment of"),),
        (Cell(0.08, "£45.10 is due on the 3rd. £45.10 is due each month until it is cleared."),),
    )
    assert best(got, "balance_pence") == 64000


def test_a_date_that_is_its_sentence_s_subject_is_the_deadline() -> None:
    got = found(
        C.UTILITY_ARREARS,
        (Cell(0.08, "Kennet Valley Water plc"),),
        (Cell(0.08, "Letter date"), Cell(0.5, "02/03/2027")),
        (Cell(0.08, "16 March 2027 is the last day to pay before we pass this on."),),
    )
    assert best(got, "deadline_date") == dt.date(2027, 3, 16)


# -- where values sit -----------------------------------------------------------------------


def test_values_printed_before_their_labels_on_their_row() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Tamar Motor Credit Ltd"),),
        (),
        (Cell(0.1, "KT-44120-9"), Cell(0.45, "customer number")),
        (Cell(0.1, "Wednesday, 12 May 2027"), Cell(0.45, "reply by")),
        (Cell(0.1, "£1,020.33"), Cell(0.45, "still owing")),
    )
    assert best(got, "account_reference") == "KT-44120-9"
    assert best(got, "deadline_date") == dt.date(2027, 5, 12)
    assert best(got, "balance_pence") == 102033


def test_characters_in_comb_boxes_are_one_value() -> None:
    """One character a box, a separator in its own box (dropped as a speck by itself)."""
    chars = "RX7-4410"
    words = [Word(text="Reference", box=Box(left=100, top=200, width=110, height=20))]
    words += [
        Word(text=ch, box=Box(left=400 + 40 * i, top=200, width=12, height=20))
        for i, ch in enumerate(chars)
    ]
    words.append(Word(text="Sillerton Power Ltd", box=Box(left=100, top=100, width=260, height=20)))
    page = PageText(number=1, text="", confidence=1.0, words=tuple(words), size=(1240, 1754))
    layout = page_layout(page)
    row = next(r for r in layout.rows if r and r[0].text == "Reference")
    assert [c.text for c in row] == ["Reference", "RX7-4410"]
    got = read_fields([layout], "", C.UTILITY_ARREARS)
    assert best(got, "account_reference") == "RX7-4410"


def test_a_table_s_column_header_is_no_label_of_its_first_row() -> None:
    got = found(
        C.UTILITY_ARREARS,
        (Cell(0.08, "Kennet Valley Water plc"), Cell(0.7, "9 April 2027")),
        (),
        (Cell(0.08, "Date"), Cell(0.25, "What for"), Cell(0.8, "£")),
        (Cell(0.08, "03/01/27"), Cell(0.25, "Charges for the half year"), Cell(0.8, "210.00")),
        (Cell(0.08, "14/02/27"), Cell(0.25, "Direct debit returned"), Cell(0.8, "35.00")),
    )
    assert best(got, "letter_date") == dt.date(2027, 4, 9)


def test_a_masked_card_number_over_a_line_and_the_particulars_over_the_claimant_s_ref() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        (Cell(0.08, "Claim form"),),
        (Cell(0.08, "Claimant's reference: WX/88123"),),
        (Cell(0.08, "The claim is for the sum owed under a credit card agreement, card no. 4929"),),
        (Cell(0.08, "**** **** 1234, which the Defendant did not pay."),),
    )
    assert best(got, "account_reference") == "4929 **** **** 1234"


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Section 21 Housing Act 1988", None),
        ("Paragraph 7 Tribunals and Inquiries", None),
        ("Service charge", None),
        ("The Pension Service", "The Pension Service"),
        ("Social Security Scotland", "Social Security Scotland"),
        ("Ulster Housing Advice Service", "Ulster Housing Advice Service"),
    ],
)
def test_parts_of_acts_are_no_names_and_public_services_are(text: str, expected: object) -> None:
    assert parse_name(text) == expected


# -- what OCR makes of them (round 7, from N's scans) ------------------------------------------


def test_a_bank_account_in_a_block_with_its_sort_code_is_not_the_client_s() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Kestrel Finance Ltd"),),
        (Cell(0.08, "Agreement number"), Cell(0.4, "KF-20917-3")),
        (),
        (Cell(0.08, "Bank"), Cell(0.25, "Northway Bank plc"), Cell(0.6, "Sort code"),
         Cell(0.75, "20-44-19")),
        (Cell(0.08, "Reference"), Cell(0.25, "KF-20917-3"), Cell(0.6, "Account"),
         Cell(0.75, "40618233")),
    )  # fmt: skip
    assert best(got, "account_reference") == "KF-20917-3"
    assert not [c for c in got["account_reference"] if c.value == "40618233" and c.score > 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dated the 2nd of May 2027: .", dt.date(2027, 5, 2)),  # a speck after the year
        ("by the 9th of June:2027 at the latest", dt.date(2027, 6, 9)),  # and before it
        ("Open 9 May 10:30 to 4pm", None),  # a time, not a two-digit year
    ],
)
def test_specks_around_a_year_on_a_scan(text: str, expected: object) -> None:
    from cma_adapters.rules_assistant.values import parse_date

    assert parse_date(text) == expected


def test_a_full_stop_before_a_lower_case_word_is_a_speck() -> None:
    got = found(
        C.MAGISTRATES_FINE,
        (Cell(0.08, "Carlisle Magistrates' Court"),),
        (Cell(0.08, "The sum of GBP 310.00 is still. unpaid on your account."),),
    )
    assert best(got, "balance_pence") == 31000


def test_a_team_is_no_creditor() -> None:
    assert parse_name("Customer Support Team") is None
    assert parse_name("Income Recovery Desk") is None
    assert parse_name("Teamwork Lending Ltd") == "Teamwork Lending Ltd"


# -- what the letter says it is ---------------------------------------------------------------


def test_a_letter_that_gives_and_asks_for_nothing_is_an_award() -> None:
    award = "We have decided you can get Carer Support Payment. We will pay you £81.90 a week."
    assert refine_class(C.CREDITOR_LETTER, {}, award) is C.BENEFIT_AWARD
    debt = "You are entitled to a copy of your agreement. Your account is £120.00 in arrears."
    assert refine_class(C.CREDITOR_LETTER, {}, debt) is C.CREDITOR_LETTER


def test_a_letter_that_says_nothing_more_is_owed_is_no_debt() -> None:
    settled = "Your hire purchase agreement has been paid in full. Nothing more is owed."
    assert refine_class(C.CREDITOR_LETTER, {}, settled) is C.OTHER
    due = "Once the arrears of £300.00 are paid in full your account will be up to date."
    assert refine_class(C.CREDITOR_LETTER, {}, due) is C.CREDITOR_LETTER


def test_an_agent_collecting_for_a_debt_buyer_writes_a_creditor_letter() -> None:
    agent = (
        "Fenwick Debt Purchasing Ltd bought your loan and has instructed us to collect the "
        "balance outstanding of £950.00."
    )
    assert refine_class(C.NOTICE_OF_ASSIGNMENT, {}, agent) is C.CREDITOR_LETTER
    notice = "Your loan has been assigned to Fenwick Debt Purchasing Ltd. Pay them from now on."
    assert refine_class(C.NOTICE_OF_ASSIGNMENT, {}, notice) is C.NOTICE_OF_ASSIGNMENT


def test_a_named_catalogue_or_shopping_account_is_pay_later_arrears() -> None:
    text = "Your home shopping account is £88.00 behind. Please pay now."
    assert refine_class(C.CREDITOR_LETTER, {}, text) is C.BNPL_CATALOGUE_ARREARS


def test_an_award_read_as_other_says_how_often_it_is_paid() -> None:
    rows = (
        (Cell(0.08, "Decision on your Carer Support Payment"),),
        (Cell(0.08, "You are entitled to Carer Support Payment from 4 May 2027."),),
        (Cell(0.08, "Payment"), Cell(0.5, "£81.90")),
        (Cell(0.08, "How often"), Cell(0.5, "every week")),
    )
    text = "\n".join(c.text for row in rows for c in row)
    assert refine_class(C.OTHER, found(C.OTHER, *rows), text) is C.BENEFIT_AWARD
    visit = (
        (Cell(0.08, "You are entitled to a free boiler check. We will visit on 3 May 2027."),),
    )
    text = visit[0][0].text
    assert refine_class(C.OTHER, found(C.OTHER, *visit), text) is C.OTHER


def test_pay_before_and_after_deductions_with_no_benefit_named_is_a_payslip() -> None:
    rows = (
        (Cell(0.08, "Wharfedale Joinery Ltd"),),
        (Cell(0.08, "Your pay for the week"),),
        (Cell(0.08, "Pay before deductions"), Cell(0.7, "£512.40")),
        (Cell(0.08, "Pay after deductions"), Cell(0.7, "£431.05")),
    )
    text = "\n".join(c.text for row in rows for c in row)
    assert refine_class(C.BENEFIT_AWARD, found(C.BENEFIT_AWARD, *rows), text) is C.PAYSLIP
    award = (*rows, (Cell(0.08, "Your Carer's Allowance is paid before deductions."),))
    text = "\n".join(c.text for row in award for c in row)
    assert refine_class(C.BENEFIT_AWARD, found(C.BENEFIT_AWARD, *award), text) is C.BENEFIT_AWARD


def test_an_account_named_at_a_line_s_end_has_its_value_on_the_next() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        (Cell(0.08, "Claim form"),),
        (
            Cell(
                0.08, "The claim is for the balance of a hire purchase agreement, account reference"
            ),
        ),
        (Cell(0.08, "WQ/5521907, which the Defendant stopped paying."),),
        (Cell(0.08, "Morland Hall Solicitors   Ref MH80114"),),
    )
    assert best(got, "account_reference") == "WQ/5521907"


# -- text without word boxes (a PDF's text layer, the OpenAI adapter's input) ---------------


def test_a_comb_a_numbered_paragraph_and_a_party_s_name_box_in_plain_text() -> None:
    from cma_adapters.rules_assistant.assistant import extract

    text = "\n".join(
        [
            "Claim form                                   In the County Court at Ripon",
            "Claim no.          K   4   Q   X   7   7   0   2",
            "Claimant's name and address",
            "Langstrothe Credit Ltd, 2 Mill Yard, Skipton BD23 1AA",
            "Agreement no.      4   4   1   -   2   0   9   -   7",
            "",
            "1.     The Claimant claims the balance of a loan agreement, account number 5501 XXXX",
            "XXXX 7710, which the Defendant has not paid.",
        ]
    )
    got = extract(text, (), None)
    assert got.creditor_name == "Langstrothe Credit Ltd"
    assert got.court_claim_number == "K4QX7702"
    candidates = {e.value for e in got.evidence if e.field == "account_reference"}
    assert {"441-209-7", "5501 XXXX XXXX 7710"} <= candidates
    # an address alone is where to write, not who is owed
    where = found(
        C.COURT_CLAIM_N1,
        (Cell(0.08, "Claimant's address for documents"), Cell(0.5, "Harcourt Legal LLP")),
    )
    labelled = [c for c in where["creditor_name"] if c.label and "address" in c.label]
    assert labelled
    assert all(c.score <= 0 for c in labelled)  # (a value is chosen above 0)


def test_a_bare_amount_is_an_award_s_payment_but_no_payslip_s_net_pay() -> None:
    award = found(
        C.BENEFIT_AWARD,
        (Cell(0.08, "Amount"), Cell(0.5, "How often")),
        (Cell(0.08, "£96.20"), Cell(0.5, "every 2 weeks")),
    )
    assert best(award, "income_pence") == 9620
    slip = found(
        C.PAYSLIP,
        (Cell(0.08, "Payments"), Cell(0.5, "Hours"), Cell(0.8, "Amount")),
        (Cell(0.08, "Basic pay"), Cell(0.5, "37.50"), Cell(0.8, "468.75")),
        (Cell(0.08, "Overtime"), Cell(0.5, "2.00"), Cell(0.8, "37.50")),
        (Cell(0.08, "NET PAY"), Cell(0.8, "SL GYT( 2S)")),  # garbled by the scan
    )
    assert best(slip, "income_pence") is None  # left blank, not the first line's amount
