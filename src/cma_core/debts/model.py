"""Debts and the per-centre creditor directory.

A :class:`Debt` records what a client owes and the facts the rules need (type, amounts,
judgment and enforcement, last payment and acknowledgment). Facts the adviser has not
established are ``None`` - never defaulted to ``False`` or zero - so rules can say
"missing: ..." instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NewType

from attrs import define, field, frozen

from cma_core.debts.formats import reference_fits
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money

if TYPE_CHECKING:
    from cma_core.debts.ports import PatternEngine

DebtId = NewType("DebtId", uuid.UUID)
CreditorId = NewType("CreditorId", uuid.UUID)

# A creditor's reference format is adviser-entered; cap its length to keep matching cheap.
MAX_REFERENCE_PATTERN_LENGTH = 200


def check_reference_pattern(engine: PatternEngine, pattern: str | None) -> None:
    """Refuse a pattern the engine cannot run (at save time, before it is stored).

    Raises:
        ValidationError: ``reference_pattern`` is too long or not a valid RE2 pattern.
    """
    if pattern is None:
        return
    if len(pattern) > MAX_REFERENCE_PATTERN_LENGTH:
        raise ValidationError(
            "reference_pattern", f"must be at most {MAX_REFERENCE_PATTERN_LENGTH} characters"
        )
    problem = engine.problem(pattern)
    if problem is not None:
        raise ValidationError(
            "reference_pattern", f"not a valid regular expression (RE2 syntax): {problem}"
        )


class DebtType(enum.StrEnum):
    """What kind of debt it is. Drives priority (UK-DEBT-ADVICE §3) and solution rules."""

    COUNCIL_TAX = "council_tax"
    RENT = "rent"
    MORTGAGE = "mortgage"
    SECURED_LOAN = "secured_loan"
    # Left after a repossessed home is sold: unsecured, but its principal has a 12-year
    # limitation period (Limitation Act 1980 s20), so it needs its own type.
    MORTGAGE_SHORTFALL = "mortgage_shortfall"
    GROUND_RENT_SERVICE_CHARGE = "ground_rent_service_charge"
    GAS = "gas"
    ELECTRICITY = "electricity"
    WATER = "water"
    TV_LICENCE = "tv_licence"
    MAGISTRATES_FINE = "magistrates_fine"
    CHILD_MAINTENANCE = "child_maintenance"
    INCOME_TAX_VAT_NI = "income_tax_vat_ni"
    HIRE_PURCHASE = "hire_purchase"
    CREDIT_CARD = "credit_card"
    OVERDRAFT = "overdraft"
    PERSONAL_LOAN = "personal_loan"
    PAYDAY_LOAN = "payday_loan"
    BNPL = "bnpl"
    CATALOGUE = "catalogue"
    STORE_CARD = "store_card"
    STUDENT_LOAN = "student_loan"
    BENEFIT_OVERPAYMENT = "benefit_overpayment"
    TAX_CREDIT_OVERPAYMENT = "tax_credit_overpayment"
    SOCIAL_FUND_LOAN = "social_fund_loan"
    UNIVERSAL_CREDIT_ADVANCE = "universal_credit_advance"
    FAMILY_LOAN = "family_loan"
    PARKING_CHARGE = "parking_charge"
    OTHER = "other"


#: Debts secured on property: not qualifying for a DRO (DRO-E2), not in a DMP.
SECURED_TYPES: frozenset[DebtType] = frozenset({DebtType.MORTGAGE, DebtType.SECURED_LOAN})


class Ownership(enum.StrEnum):
    SOLE = "sole"
    JOINT = "joint"


class EnforcementStage(enum.StrEnum):
    """How far recovery has gone. ``NONE`` is a known fact; unknown is ``None``."""

    NONE = "none"
    DEFAULT_NOTICE = "default_notice"
    LETTER_OF_CLAIM = "letter_of_claim"
    CLAIM_ISSUED = "claim_issued"
    JUDGMENT = "judgment"
    LIABILITY_ORDER = "liability_order"
    ENFORCEMENT_AGENT = "enforcement_agent"
    ATTACHMENT_OF_EARNINGS = "attachment_of_earnings"
    DEDUCTIONS_FROM_BENEFIT = "deductions_from_benefit"
    CHARGING_ORDER = "charging_order"
    POSSESSION_CLAIM = "possession_claim"
    POSSESSION_ORDER = "possession_order"
    EVICTION_WARRANT = "eviction_warrant"
    DISCONNECTION_WARNING = "disconnection_warning"
    COMMITTAL = "committal"
    STATUTORY_DEMAND = "statutory_demand"
    OTHER = "other"


#: The court route a consumer debt takes, in order: a paper further along it moves a debt
#: recorded at an earlier step (never back). Stages off this route (a liability order,
#: deductions, a charging order...) are left as recorded.
COURT_ROUTE: tuple[EnforcementStage, ...] = (
    EnforcementStage.NONE,
    EnforcementStage.DEFAULT_NOTICE,
    EnforcementStage.LETTER_OF_CLAIM,
    EnforcementStage.CLAIM_ISSUED,
    EnforcementStage.JUDGMENT,
    EnforcementStage.ENFORCEMENT_AGENT,
)


def advanced_stage(
    recorded: EnforcementStage | None, shown: EnforcementStage
) -> EnforcementStage | None:
    """The stage a debt recorded at ``recorded`` moves to when a paper shows ``shown``:
    ``shown`` where nothing (or "none") is recorded or it is further along the court
    route, else ``None`` (no change)."""
    if recorded is None or recorded is EnforcementStage.NONE:
        return None if shown is recorded else shown
    if recorded in COURT_ROUTE and shown in COURT_ROUTE:
        return shown if COURT_ROUTE.index(shown) > COURT_ROUTE.index(recorded) else None
    return None


def _check_pattern(_: object, __: object, value: str | None) -> None:
    if value is None:
        return
    # Syntax is the engine's to judge (``check_reference_pattern``, at save time); the
    # record keeps the length bound so a pattern is never unbounded whatever path made it.
    if len(value) > MAX_REFERENCE_PATTERN_LENGTH:
        raise ValidationError(
            "reference_pattern", f"must be at most {MAX_REFERENCE_PATTERN_LENGTH} characters"
        )


def _require_text(field_name: str) -> Callable[[Any, Any, str], None]:
    def check(_: object, __: object, value: str) -> None:
        if not value.strip():
            raise ValidationError(field_name, "must not be empty")

    return check


@define(kw_only=True)
class Creditor:
    """An entry in a centre's creditor directory, shared by all its cases.

    ``reference_pattern`` is a regular expression (RE2 syntax: no backreferences or
    lookaround) the creditor's account references must match in full (e.g.
    ``r"\\d{16}"``); it catches typos before letters go out. It is only ever run by a
    :class:`PatternEngine`.
    """

    id: CreditorId
    centre_id: CentreId
    name: str = field(validator=_require_text("name"))
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    reference_pattern: str | None = field(default=None, validator=_check_pattern)

    def reference_matches(self, reference: str, engine: PatternEngine) -> bool | None:
        """Whether ``reference``, as written or without its spaces, fits the creditor's
        format (``formats.reference_fits``, as the documents worker and the
        reference-format route judge it); ``None`` if no format is held or the held one
        cannot be run (one stored before patterns were checked)."""
        if self.reference_pattern is None or engine.problem(self.reference_pattern):
            return None
        return reference_fits((self.reference_pattern,), reference, engine)


@frozen(kw_only=True)
class PriorityOverride:
    """An adviser's decision that departs from (or settles) the table classification."""

    is_priority: bool
    reason: str
    by: UserId | None
    on: dt.date

    def __attrs_post_init__(self) -> None:
        if not self.reason.strip():
            raise ValidationError("priority_override.reason", "a reason must be recorded")


def _optional_money(name: str) -> Callable[[Any, Any, Money | None], None]:
    def check(_: object, __: object, value: Money | None) -> None:
        if value is None:
            return
        if value.is_negative:
            raise ValidationError(name, "must not be negative")

    return check


def _non_negative_balance(_: object, __: object, value: Money) -> None:
    if value.is_negative:
        raise ValidationError("balance", "must not be negative")


@define(kw_only=True)
class Debt:
    """One debt on a case.

    Money is in pence: ``balance`` is what is owed now; ``arrears`` the part overdue;
    ``contractual_payment`` the monthly payment the agreement requires. ``ccj`` is whether a
    county court judgment is known to exist (``None``: not checked).
    """

    id: DebtId
    centre_id: CentreId
    case_id: CaseId
    creditor_id: CreditorId | None
    debt_type: DebtType
    balance: Money = field(validator=_non_negative_balance)
    arrears: Money | None = field(default=None, validator=_optional_money("arrears"))
    contractual_payment: Money | None = field(
        default=None, validator=_optional_money("contractual_payment")
    )
    ownership: Ownership | None = None
    account_reference: str | None = None
    ccj: bool | None = None
    enforcement_stage: EnforcementStage | None = None
    last_payment_date: dt.date | None = None
    last_acknowledgment_date: dt.date | None = None
    # Only meaningful for hire purchase / conditional sale: the FCA Glossary makes HP a
    # priority debt when the goods are essential (cooker, fridge, car needed for work).
    hp_goods_essential: bool | None = None
    #: The county court judgment's date and the day it was paid in full (``debts.ccj``:
    #: paid within one calendar month, it is removed from the Register).
    ccj_date: dt.date | None = None
    ccj_paid_date: dt.date | None = None
    priority_override: PriorityOverride | None = None

    @property
    def is_secured(self) -> bool:
        return self.debt_type in SECURED_TYPES

    @property
    def is_joint(self) -> bool | None:
        return None if self.ownership is None else self.ownership is Ownership.JOINT

    def override_priority(
        self, *, is_priority: bool, reason: str, by: UserId | None, on: dt.date
    ) -> None:
        """Record the adviser's classification, which wins over the table (with reason).

        Raises:
            ValidationError: ``priority_override.reason`` is empty.
        """
        self.priority_override = PriorityOverride(
            is_priority=is_priority, reason=reason.strip(), by=by, on=on
        )

    def clear_priority_override(self) -> None:
        self.priority_override = None

    def reference_matches(self, creditor: Creditor, engine: PatternEngine) -> bool | None:
        """Whether the account reference fits ``creditor``'s format (``None``: can't tell)."""
        if self.account_reference is None:
            return None
        return creditor.reference_matches(self.account_reference, engine)


@frozen(kw_only=True)
class DebtAdded(DomainEvent):
    name = "DebtAdded"
    case_id: CaseId
    debt_id: DebtId
    debt_type: str
    added_by: UserId | None


@frozen(kw_only=True)
class DebtUpdated(DomainEvent):
    name = "DebtUpdated"
    case_id: CaseId
    debt_id: DebtId
    fields: tuple[str, ...]
    updated_by: UserId | None


@frozen(kw_only=True)
class DebtRemoved(DomainEvent):
    name = "DebtRemoved"
    case_id: CaseId
    debt_id: DebtId
    removed_by: UserId | None


@frozen(kw_only=True)
class FactsChanged(DomainEvent):
    """The case's financial facts (assets, insolvency history, residence…) were replaced."""

    name = "FactsChanged"
    case_id: CaseId
    changed_by: UserId | None
