"""Reading a statutory credit report's accounts (CSV and JSON) into report lines."""

from __future__ import annotations

import pytest

from cma_core.casework.credit_report import parse_report, suggested_type
from cma_core.casework.model import LineDecision
from cma_core.debts.model import DebtType
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money


@pytest.mark.parametrize(
    ("agency_wording", "expected"),
    [
        ("Credit Card", DebtType.CREDIT_CARD),
        ("Mail Order Account", DebtType.CATALOGUE),
        ("Current Account", DebtType.OVERDRAFT),
        ("Hire Purchase", DebtType.HIRE_PURCHASE),
        ("Unsecured Loan", DebtType.PERSONAL_LOAN),
        ("Short Term Loan", DebtType.PAYDAY_LOAN),
        ("Store card", DebtType.STORE_CARD),
        ("payday_loan", DebtType.PAYDAY_LOAN),
        ("Telecommunications", DebtType.OTHER),
    ],
)
def test_an_agencys_account_type_suggests_a_debt_type(
    agency_wording: str, expected: DebtType
) -> None:
    assert suggested_type(agency_wording) is expected


def test_csv_pounds_with_symbols_and_settled_lines() -> None:
    kind, head, lines = parse_report(
        "r.csv",
        b"\xef\xbb\xbfLender,Account_Type,Balance,Status\n"
        b'Bank,Credit Card,"\xc2\xa31,234.5",Default\nShop,Catalogue,12.00,Satisfied\n',
    )
    assert kind == "csv"
    assert head == {}
    assert [x.balance for x in lines] == [Money(123450), Money(1200)]
    assert [x.decision for x in lines] == [LineDecision.PENDING, LineDecision.NOT_A_DEBT]


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"lender,account_type\nBank,Loan\n", "file"),
        (b"lender,account_type,balance\n", "file.accounts"),
        (b"lender,account_type,balance\nBank,Loan,lots\n", "file.accounts[0].balance"),
        (b"lender,account_type,balance\n,Loan,1\n", "file.accounts[0].lender"),
        (
            b"lender,account_type,balance,default_date\nBank,Loan,1,31/01/2025\n",
            "file.accounts[0].default_date",
        ),
        (b"\xff\xfe", "file"),
    ],
)
def test_bad_csv_names_the_field(content: bytes, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_report("r.csv", content)
    assert err.value.field == field


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"{not json", "file"),
        (b'{"accounts": {}}', "file.accounts"),
        (b'{"accounts": [1]}', "file.accounts"),
        (b'{"accounts": [{"lender": "B", "account_type": "Loan", "balance_pence": -1}]}',
         "file.accounts[0].balance_pence"),
    ],
)  # fmt: skip
def test_bad_json_names_the_field(content: bytes, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_report("r.json", content)
    assert err.value.field == field
