"""Reading the accounts of a statutory credit report (CSV or JSON) into report lines.

The UK credit reference agencies (Equifax, Experian, TransUnion) give a statutory report
free on request (Consumer Credit Act 1974 s158; UK GDPR Art 15); each lists, per account,
the lender, the account number, the account type, the balance, the payment status, any
default date and the monthly payment history (from which the last payment date is read:
CR-20 needs it for the limitation check). There is no common file format, so CMA reads
one simple documented shape that an adviser (or a tool) writes from any of them:

CSV, one account per row, with a header (extra columns are ignored)::

    lender,account_number,account_type,balance,status,default_date,opened_date,last_payment_date
    Example Bank,4929000000001234,credit_card,1234.56,default,2025-03-01,2019-06-10,2025-01-15

JSON::

    {"agency": "Experian", "report_date": "2026-11-20",
     "accounts": [{"lender": "Example Bank", "account_number": "4929…1234",
                   "account_type": "credit_card", "balance": "1234.56",
                   "status": "default", "default_date": "2025-03-01"}]}

``balance`` is pounds (``1234.56``, ``£1,234.56``) or pence with ``balance_pence``.
``account_type`` is the agency's wording (``Credit Card``, ``Mail Order``, ``Current
Account``…), matched to a debt type by ``suggested_type``. A settled or satisfied account,
or one with nothing owed, is kept on the report but never suggested as a debt.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from cma_core.casework.model import CreditLine, LineDecision
from cma_core.debts.model import DebtType
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

MAX_LINES = 500

_TYPES: tuple[tuple[str, DebtType], ...] = (
    ("hire purchase", DebtType.HIRE_PURCHASE),
    ("conditional sale", DebtType.HIRE_PURCHASE),
    ("car finance", DebtType.HIRE_PURCHASE),
    ("store card", DebtType.STORE_CARD),
    ("credit card", DebtType.CREDIT_CARD),
    ("charge card", DebtType.CREDIT_CARD),
    ("mail order", DebtType.CATALOGUE),
    ("catalogue", DebtType.CATALOGUE),
    ("current account", DebtType.OVERDRAFT),
    ("overdraft", DebtType.OVERDRAFT),
    ("buy now pay later", DebtType.BNPL),
    ("bnpl", DebtType.BNPL),
    ("payday", DebtType.PAYDAY_LOAN),
    ("short term loan", DebtType.PAYDAY_LOAN),
    ("secured loan", DebtType.SECURED_LOAN),
    ("second charge", DebtType.SECURED_LOAN),
    ("mortgage", DebtType.MORTGAGE),
    ("student loan", DebtType.STUDENT_LOAN),
    ("gas", DebtType.GAS),
    ("electricity", DebtType.ELECTRICITY),
    ("energy", DebtType.ELECTRICITY),
    ("water", DebtType.WATER),
    ("personal loan", DebtType.PERSONAL_LOAN),
    ("unsecured loan", DebtType.PERSONAL_LOAN),
    ("loan", DebtType.PERSONAL_LOAN),
)

_CLOSED = re.compile(r"\b(settled|satisfied|closed|paid)\b", re.IGNORECASE)


def suggested_type(account_type: str) -> DebtType:
    """The debt type an agency's account type most likely is (``other`` when unsure).

    >>> suggested_type("Mail Order Account")
    <DebtType.CATALOGUE: 'catalogue'>
    """
    text = " ".join(re.split(r"[\s_\-/]+", account_type.casefold()))
    for token in DebtType:
        if text == token.value.replace("_", " "):
            return token
    for needle, debt_type in _TYPES:
        # Whole words: an "unsecured loan" is not a "secured loan".
        if re.search(rf"\b{re.escape(needle)}\b", text):
            return debt_type
    return DebtType.OTHER


def _pounds(value: object, field: str) -> Money:
    text = str(value).strip().replace("£", "").replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", text):
        raise ValidationError(field, "must be an amount in pounds such as 1234.56")
    whole, _, frac = text.lstrip("-").partition(".")
    pence = int(whole) * 100 + int((frac + "00")[:2])
    if text.startswith("-"):
        raise ValidationError(field, "must not be negative")
    return Money(pence)


def _date(value: object, field: str) -> dt.date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, "must be a date such as 2025-03-01") from None


def _text(value: object, field: str, *, required: bool, limit: int = 200) -> str | None:
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValidationError(field, "must not be blank")
        return None
    if len(text) > limit:
        raise ValidationError(field, f"must be at most {limit} characters")
    return text


def line_from(number: int, row: Mapping[str, Any], where: str) -> CreditLine:
    """One account (a CSV row or JSON object) as report line ``number``."""
    lender = _text(row.get("lender"), f"{where}.lender", required=True)
    account_type = _text(row.get("account_type"), f"{where}.account_type", required=True)
    assert lender is not None
    assert account_type is not None
    if row.get("balance_pence") not in (None, ""):
        raw = row["balance_pence"]
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
            raise ValidationError(f"{where}.balance_pence", "must be a whole number of pence")
        balance = Money(raw)
    else:
        if row.get("balance") in (None, ""):
            raise ValidationError(f"{where}.balance", "is required")
        balance = _pounds(row["balance"], f"{where}.balance")
    status = _text(row.get("status"), f"{where}.status", required=False, limit=60)
    closed = balance.pence == 0 or bool(status and _CLOSED.search(status))
    return CreditLine(
        line=number,
        lender=lender,
        account_number=_text(row.get("account_number"), f"{where}.account_number", required=False),
        account_type=account_type,
        balance=balance,
        status=status,
        default_on=_date(row.get("default_date"), f"{where}.default_date"),
        opened_on=_date(row.get("opened_date"), f"{where}.opened_date"),
        last_payment_on=_date(row.get("last_payment_date"), f"{where}.last_payment_date"),
        suggested_type=suggested_type(account_type),
        decision=LineDecision.NOT_A_DEBT if closed else LineDecision.PENDING,
        reason="settled or nothing owed" if closed else None,
    )


def lines_from(rows: Iterable[Mapping[str, Any]], prefix: str) -> tuple[CreditLine, ...]:
    out = tuple(line_from(n, row, f"{prefix}[{n - 1}]") for n, row in enumerate(rows, start=1))
    if not out:
        raise ValidationError(prefix, "the report lists no accounts")
    if len(out) > MAX_LINES:
        raise ValidationError(prefix, f"at most {MAX_LINES} accounts per report")
    return out


def parse_csv(text: str) -> tuple[CreditLine, ...]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = {(h or "").strip().casefold() for h in reader.fieldnames or ()}
    missing = sorted({"lender", "account_type"} - header) or (
        ["balance"] if not header & {"balance", "balance_pence"} else []
    )
    if missing:
        raise ValidationError("file", f"the CSV header lacks: {', '.join(missing)}")
    rows = (
        {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items() if k}
        for row in reader
    )
    return lines_from(rows, "file.accounts")


def parse_json(text: str) -> tuple[dict[str, Any], tuple[CreditLine, ...]]:
    """The report's own fields (``agency``, ``report_date``) and its lines."""
    try:
        data = json.loads(text)
    except ValueError:
        raise ValidationError("file", "is not valid JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("accounts"), list):
        raise ValidationError("file.accounts", "must be a list of accounts")
    accounts = data["accounts"]
    if not all(isinstance(a, dict) for a in accounts):
        raise ValidationError("file.accounts", "each account must be an object")
    head = {k: data.get(k) for k in ("agency", "report_date")}
    return head, lines_from(accounts, "file.accounts")


def parse_report(
    filename: str, content: bytes
) -> tuple[str, dict[str, Any], tuple[CreditLine, ...]]:
    """``(format, head, lines)`` of an uploaded report; the format from the file's name or,
    failing that, its first character."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("file", "must be UTF-8 text (CSV or JSON)") from None
    name = filename.casefold()
    if name.endswith(".json") or (not name.endswith(".csv") and text.lstrip().startswith("{")):
        head, lines = parse_json(text)
        return "json", head, lines
    return "csv", {}, parse_csv(text)
