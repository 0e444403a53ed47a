"""The type a debt read from a document is added as: the document's kind where it says
(a council tax bill, rent arrears), else what the paper names the debt in words (a claim
"under a credit card agreement", "your loan", "unpaid council tax"), else ``other``. A
product named only as a way to pay, or a creditor's advice to pay priority bills first,
names nothing. Sentences written for this test in the wording UK letters use, not taken
from the generated corpus."""

from __future__ import annotations

import pytest

from cma_core.debts.model import DebtType
from cma_core.documents.model import DocumentClass
from cma_core.documents.rules import debt_type_for, product_named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The claimant claims the balance due under a credit card agreement.",
            DebtType.CREDIT_CARD,
        ),
        (
            "We have not received the minimum payment on your Harbour Bay credit card.",
            DebtType.CREDIT_CARD,
        ),
        ("Your credit card account is now overdrawn by £312.00.", DebtType.CREDIT_CARD),
        ("Your store card debt has been sold to us.", DebtType.STORE_CARD),
        (
            "Payments under your conditional sale agreement for the car are behind.",
            DebtType.HIRE_PURCHASE,
        ),
        ("money owed under a hire-purchase agreement", DebtType.HIRE_PURCHASE),
        ("Springfield Quick Cash has assigned your short-term loan to us.", DebtType.PAYDAY_LOAN),
        ("Your loan repayments have stopped.", DebtType.PERSONAL_LOAN),
        ("Your current account is overdrawn beyond its limit.", DebtType.OVERDRAFT),
        ("The council holds a liability order for your unpaid council tax.", DebtType.COUNCIL_TAX),
        (
            "A warrant of control was issued for an unpaid penalty charge notice.",
            DebtType.PARKING_CHARGE,
        ),
        (
            "The fine imposed by the magistrates' court is unpaid: a collection order applies.",
            DebtType.MAGISTRATES_FINE,
        ),
        ("Arrears on your water charges account.", DebtType.WATER),
        ("Your catalogue account is in arrears.", DebtType.CATALOGUE),
        # A way to pay, a creditor's advice and a company's name name no debt.
        ("You can pay by debit or credit card on our website.", None),
        ("If you are struggling, pay priority bills such as council tax and rent first.", None),
        ("Acme Loans Ltd, 4 Park Row, Leeds. Please call us to discuss your account.", None),
        ("Your account is in arrears.", None),
    ],
)
def test_the_debt_a_paper_names_in_words(text: str, expected: DebtType | None) -> None:
    assert product_named(text) is expected


def test_the_documents_kind_decides_where_it_says_and_the_words_where_it_does_not() -> None:
    advice = "Pay priority bills like council tax first. Your loan is in arrears."
    assert debt_type_for(DocumentClass.RENT_ARREARS, advice) is DebtType.RENT
    assert debt_type_for(DocumentClass.CREDITOR_LETTER, advice) is DebtType.PERSONAL_LOAN
    claim = "Details of claim: the balance due under a credit card agreement, account ending 4411."
    assert debt_type_for(DocumentClass.COURT_CLAIM_N1, claim) is DebtType.CREDIT_CARD
    assert (
        debt_type_for(DocumentClass.COUNTY_COURT_JUDGMENT, "Judgment for the claimant.")
        is DebtType.OTHER
    )


def test_a_bank_statements_words_do_not_type_one_payees_debt() -> None:
    statement = "DD VANQUIS CARDS 45.00\nYour account is overdrawn. Arranged overdraft limit."
    assert debt_type_for(DocumentClass.BANK_STATEMENT, statement) is DebtType.OTHER
