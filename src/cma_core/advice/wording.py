"""How letters say things: labels for the closed sets (never an enum code), masked account
numbers, and advice reasons without rule ids.

A letter is read by a client or a creditor, not by the software: "Debt Relief Order — not
eligible: your debts are more than the limit", never ``dro: not_eligible``. Every member of
each closed set has a label here; a test holds the tables to the enums, so a new member
cannot reach a letter as a code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cma_core.debts.model import DebtType
from cma_core.identity.permissions import Role
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.solutions.model import Eligibility, Solution

SOLUTION_LABELS: Mapping[Solution, str] = {
    Solution.DRO: "Debt Relief Order",
    Solution.MAP: "Minimal Asset Process (bankruptcy in Scotland)",
    Solution.BANKRUPTCY: "Bankruptcy",
    Solution.SEQUESTRATION: "Sequestration (bankruptcy in Scotland)",
    Solution.IVA: "Individual Voluntary Arrangement (IVA)",
    Solution.TRUST_DEED: "Protected Trust Deed",
    Solution.DMP: "Debt Management Plan",
    Solution.ADMINISTRATION_ORDER: "Administration Order",
    Solution.BREATHING_SPACE: "Breathing Space",
    Solution.MENTAL_HEALTH_CRISIS_MORATORIUM: "Mental Health Crisis Breathing Space",
    Solution.TOKEN_PAYMENTS: "Token payments",
    Solution.FULL_AND_FINAL_SETTLEMENT: "Full and final settlement",
    Solution.WRITE_OFF_REQUEST: "Asking creditors to write off the debts",
    Solution.NO_SOLUTION_NEEDED: "No formal solution needed",
    Solution.DEBT_ARRANGEMENT_SCHEME: "Debt Arrangement Scheme (Scotland)",
}

ELIGIBILITY_LABELS: Mapping[Eligibility, str] = {
    Eligibility.ELIGIBLE: "you qualify",
    Eligibility.NOT_ELIGIBLE: "not eligible",
    Eligibility.ADVISER_JUDGEMENT: "we need to check some details",
}

DEBT_TYPE_LABELS: Mapping[DebtType, str] = {
    DebtType.COUNCIL_TAX: "Council Tax",
    DebtType.RENT: "Rent",
    DebtType.MORTGAGE: "Mortgage",
    DebtType.SECURED_LOAN: "Secured loan",
    DebtType.MORTGAGE_SHORTFALL: "Mortgage shortfall",
    DebtType.GROUND_RENT_SERVICE_CHARGE: "Ground rent or service charge",
    DebtType.GAS: "Gas",
    DebtType.ELECTRICITY: "Electricity",
    DebtType.WATER: "Water",
    DebtType.TV_LICENCE: "TV Licence",
    DebtType.MAGISTRATES_FINE: "Magistrates' court fine",
    DebtType.CHILD_MAINTENANCE: "Child maintenance",
    DebtType.INCOME_TAX_VAT_NI: "Income tax, VAT or National Insurance",
    DebtType.HIRE_PURCHASE: "Hire purchase",
    DebtType.CREDIT_CARD: "Credit card",
    DebtType.OVERDRAFT: "Overdraft",
    DebtType.PERSONAL_LOAN: "Personal loan",
    DebtType.PAYDAY_LOAN: "Payday loan",
    DebtType.BNPL: "Buy now, pay later",
    DebtType.CATALOGUE: "Catalogue",
    DebtType.STORE_CARD: "Store card",
    DebtType.STUDENT_LOAN: "Student loan",
    DebtType.BENEFIT_OVERPAYMENT: "Benefit overpayment",
    DebtType.TAX_CREDIT_OVERPAYMENT: "Tax credit overpayment",
    DebtType.SOCIAL_FUND_LOAN: "Social Fund loan",
    DebtType.UNIVERSAL_CREDIT_ADVANCE: "Universal Credit advance",
    DebtType.FAMILY_LOAN: "Loan from family or friends",
    DebtType.PARKING_CHARGE: "Parking charge",
    DebtType.OTHER: "Other debt",
}

ROLE_LABELS: Mapping[Role, str] = {
    Role.PLATFORM_ADMIN: "Administrator",
    Role.CENTRE_ADMIN: "Centre manager",
    Role.SUPERVISOR: "Debt advice supervisor",
    Role.ADVISER: "Debt adviser",
    Role.CASEWORKER: "Caseworker",
    Role.AUDITOR: "Quality reviewer",
}

#: Which role names a signature when a person has several (the most senior advice role).
SIGNING_ORDER = (
    Role.SUPERVISOR, Role.ADVISER, Role.CASEWORKER, Role.CENTRE_ADMIN, Role.AUDITOR,
    Role.PLATFORM_ADMIN,
)  # fmt: skip

JURISDICTION_LABELS: Mapping[Jurisdiction, str] = {
    Jurisdiction.EW: "England and Wales",
    Jurisdiction.SCO: "Scotland",
    Jurisdiction.NI: "Northern Ireland",
}

#: How many trailing characters of an account number a letter shows.
VISIBLE_ACCOUNT_CHARS = 4
MASK = "*"

# "DRO-E5 [fail]: message (source)" as the appraisal stores a reason.
_REASON = re.compile(
    r"\A(?P<rule>[A-Z0-9]+(?:-[A-Z0-9]+)*)\s*\[(?P<finding>\w+)\]:\s*(?P<text>.*)\Z"
)


def mask_account(reference: str | None) -> str:
    """An account number with all but its last four letters or digits masked.

    Separators are dropped so their positions reveal nothing: ``"4929 1234 5678 9012"`` →
    ``"************9012"``. Four characters or fewer are shown as they are.
    """
    if not reference:
        return ""
    chars = [c for c in reference if c.isalnum()]
    if len(chars) <= VISIBLE_ACCOUNT_CHARS:
        return "".join(chars)
    hidden = len(chars) - VISIBLE_ACCOUNT_CHARS
    return MASK * hidden + "".join(chars[hidden:])


def signing_role(roles: frozenset[Role]) -> str:
    """The job title a letter is signed with."""
    for role in SIGNING_ORDER:
        if role in roles:
            return ROLE_LABELS[role]
    return ROLE_LABELS[Role.ADVISER]


def reason_text(reason: str) -> str:
    """An appraisal reason without its rule id and finding code (``DRO-E5 [fail]: …``)."""
    match = _REASON.match(reason.strip())
    text = match.group("text") if match else reason.strip()
    return text[:1].upper() + text[1:] if text else text


def reason_finding(reason: str) -> str | None:
    """The finding code of a stored reason (``fail``, ``missing``...), if it has one."""
    match = _REASON.match(reason.strip())
    return match.group("finding") if match else None


def option_line(solution: Solution, status: Eligibility, reasons: tuple[str, ...]) -> str:
    """One option as a letter says it: ``Debt Relief Order — not eligible: <why>``.

    The reasons shown are the ones that decided the status: the failed tests for "not
    eligible", the open questions for "we need to check"; none for "you qualify".
    """
    head = f"{SOLUTION_LABELS[solution]} — {ELIGIBILITY_LABELS[status]}"
    wanted = {
        Eligibility.NOT_ELIGIBLE: {"fail"},
        Eligibility.ADVISER_JUDGEMENT: {"missing", "judgement"},
        Eligibility.ELIGIBLE: set(),
    }[status]
    why = [reason_text(r) for r in reasons if reason_finding(r) in wanted]
    return f"{head}: {'; '.join(why)}" if why else head
