"""The income and expenditure budget in Standard Financial Statement (SFS) form.

Formulas (SFS-DDS v1.1 field descriptions [V]; UK-DEBT-ADVICE §4)::

    total_outgoings            = total_fixed + total_flexible
    available_for_priority     = income - total_outgoings - savings_contribution
                                 - debt_admin_fee          (fee = 0 for free advice)
    available_for_non_priority = available_for_priority - total_priority_offers

Each line is converted to a monthly amount and rounded on its own (see
:mod:`cma_core.budgets.frequency`); category and section totals are sums of those rounded
monthly amounts, so a printed statement adds up exactly. No line may be negative (CR-07):
a :class:`~cma_core.shared.errors.ValidationError` names the line (``lines.<key>.amount``).
The results ``available_for_*`` may be negative: that is a deficit budget, not an error.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from typing import Any

from attrs import define, field, frozen

from cma_core.budgets.catalogue import (
    LINES_BY_KEY,
    Category,
    LineDef,
    Section,
    categories_in,
)
from cma_core.budgets.frequency import Frequency, to_monthly
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.money import Money


class Tenure(enum.StrEnum):
    """SFS-DDS ``housing-tenure-type``."""

    OWNER = "Owner"
    MORTGAGE = "Mortgage"
    LIVING_WITH_PARENTS = "Living with parents"
    TENANT_PRIVATE = "Tenant - private sector"
    TENANT_SOCIAL = "Tenant - social"
    OTHER = "other"


def _count(name: str) -> Callable[[Any, Any, int], None]:
    def check(_: object, __: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"household.{name}", "must be a whole number, 0 or more")

    return check


@frozen(kw_only=True)
class Household:
    """SFS household section (counts as in SFS-DDS v1.1)."""

    has_partner: bool = False
    dependent_children_under_16: int = field(default=0, validator=_count("children_under_16"))
    dependent_children_16_18: int = field(default=0, validator=_count("children_16_18"))
    other_dependants: int = field(default=0, validator=_count("other_dependants"))
    non_dependants: int = field(default=0, validator=_count("non_dependants"))
    vehicles: int = field(default=0, validator=_count("vehicles"))
    tenure: Tenure | None = None

    @property
    def adults(self) -> int:
        return 2 if self.has_partner else 1

    @property
    def children(self) -> int:
        return self.dependent_children_under_16 + self.dependent_children_16_18

    @property
    def total_people(self) -> int:
        """SFS-DDS ``total-number-in-household``."""
        return self.adults + self.children + self.other_dependants + self.non_dependants


@frozen(kw_only=True)
class BudgetLine:
    """One catalogue line: the amount as the client pays or receives it, and a note."""

    key: str
    amount: Money
    frequency: Frequency = Frequency.MONTHLY
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.key not in LINES_BY_KEY:
            raise ValidationError(
                f"lines.{self.key}", "is not an SFS line", allowed=tuple(LINES_BY_KEY)
            )
        if self.amount.is_negative:
            raise ValidationError(f"lines.{self.key}.amount", "must not be negative")

    @property
    def definition(self) -> LineDef:
        return LINES_BY_KEY[self.key]

    @property
    def monthly(self) -> Money:
        return to_monthly(self.amount, self.frequency, field=f"lines.{self.key}.amount")


@frozen(kw_only=True)
class OtherEssentialLine:
    """An entry in the SFS free list "Other essential costs"."""

    label: str
    amount: Money
    frequency: Frequency = Frequency.MONTHLY
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.label.strip():
            raise ValidationError("other_essentials.label", "must not be empty")
        if self.amount.is_negative:
            raise ValidationError("other_essentials.amount", "must not be negative")

    @property
    def monthly(self) -> Money:
        return to_monthly(self.amount, self.frequency, field="other_essentials.amount")


def _sum(amounts: list[Money]) -> Money:
    return Money(sum(a.pence for a in amounts))


@frozen(kw_only=True)
class BudgetSummary:
    """The SFS overview block, all monthly."""

    total_income: Money
    total_fixed: Money
    total_flexible: Money
    total_outgoings: Money
    income_minus_outgoings: Money
    savings_contribution: Money
    debt_admin_fee: Money
    available_for_priority: Money
    total_priority_offers: Money
    available_for_non_priority: Money


@define(kw_only=True)
class Budget:
    """A client's SFS budget. Change it through the methods, which validate."""

    lines: dict[str, BudgetLine] = field(factory=dict)
    other_essentials: list[OtherEssentialLine] = field(factory=list)
    category_notes: dict[Category, str] = field(factory=dict)
    savings_contribution: Money = field(factory=Money.zero)
    savings_contribution_considered: bool | None = None
    asset_use_considered: bool | None = None
    debt_admin_fee: Money = field(factory=Money.zero)
    household: Household | None = None

    def __attrs_post_init__(self) -> None:
        for key, line in self.lines.items():
            if key != line.key:
                raise ValidationError(f"lines.{key}", f"holds the line {line.key}")
        self._check_non_negative("savings_contribution", self.savings_contribution)
        self._check_non_negative("debt_admin_fee", self.debt_admin_fee)

    @staticmethod
    def _check_non_negative(name: str, value: Money) -> None:
        if value.is_negative:
            raise ValidationError(name, "must not be negative")

    # -- changes ------------------------------------------------------------------------

    def set_line(
        self,
        key: str,
        amount: Money,
        frequency: Frequency = Frequency.MONTHLY,
        note: str | None = None,
    ) -> BudgetLine:
        """Set (or replace) a catalogue line.

        Raises:
            ValidationError: unknown ``key`` (``lines.<key>``) or negative amount
                (``lines.<key>.amount``).
        """
        line = BudgetLine(key=key, amount=amount, frequency=frequency, note=_clean(note))
        self.lines[key] = line
        return line

    def remove_line(self, key: str) -> None:
        self.lines.pop(key, None)

    def add_other_essential(
        self,
        label: str,
        amount: Money,
        frequency: Frequency = Frequency.MONTHLY,
        note: str | None = None,
    ) -> OtherEssentialLine:
        index = len(self.other_essentials)
        if amount.is_negative:
            raise ValidationError(f"other_essentials[{index}].amount", "must not be negative")
        if not label.strip():
            raise ValidationError(f"other_essentials[{index}].label", "must not be empty")
        line = OtherEssentialLine(
            label=label.strip(), amount=amount, frequency=frequency, note=_clean(note)
        )
        self.other_essentials.append(line)
        return line

    def set_category_note(self, category: Category, note: str | None) -> None:
        text = _clean(note)
        if text is None:
            self.category_notes.pop(category, None)
        else:
            self.category_notes[category] = text

    def set_savings_contribution(self, amount: Money, *, considered: bool = True) -> None:
        self._check_non_negative("savings_contribution", amount)
        self.savings_contribution = amount
        self.savings_contribution_considered = considered

    def set_debt_admin_fee(self, amount: Money) -> None:
        self._check_non_negative("debt_admin_fee", amount)
        self.debt_admin_fee = amount

    # -- totals (all monthly) -------------------------------------------------------------

    def category_total(self, category: Category) -> Money:
        if category is Category.OTHER_ESSENTIAL:
            return _sum([line.monthly for line in self.other_essentials])
        return _sum(
            [ln.monthly for ln in self.lines.values() if ln.definition.category is category]
        )

    def section_total(self, section: Section) -> Money:
        return _sum([self.category_total(c) for c in categories_in(section)])

    @property
    def total_income(self) -> Money:
        return self.section_total(Section.INCOME)

    @property
    def total_fixed(self) -> Money:
        return self.section_total(Section.FIXED)

    @property
    def total_flexible(self) -> Money:
        return self.section_total(Section.FLEXIBLE)

    @property
    def total_outgoings(self) -> Money:
        return self.total_fixed + self.total_flexible

    @property
    def income_minus_outgoings(self) -> Money:
        return self.total_income - self.total_outgoings

    @property
    def available_for_priority(self) -> Money:
        """income - outgoings - savings contribution - debt admin fee (may be negative)."""
        return self.income_minus_outgoings - self.savings_contribution - self.debt_admin_fee

    def available_for_non_priority(self, total_priority_offers: Money) -> Money:
        """``available_for_priority`` less the monthly offers to priority creditors.

        Raises:
            ValidationError: ``total_priority_offers`` is negative.
        """
        self._check_non_negative("total_priority_offers", total_priority_offers)
        return self.available_for_priority - total_priority_offers

    def summary(self, total_priority_offers: Money | None = None) -> BudgetSummary:
        offers = total_priority_offers or Money.zero()
        return BudgetSummary(
            total_income=self.total_income,
            total_fixed=self.total_fixed,
            total_flexible=self.total_flexible,
            total_outgoings=self.total_outgoings,
            income_minus_outgoings=self.income_minus_outgoings,
            savings_contribution=self.savings_contribution,
            debt_admin_fee=self.debt_admin_fee,
            available_for_priority=self.available_for_priority,
            total_priority_offers=offers,
            available_for_non_priority=self.available_for_non_priority(offers),
        )

    def category_has_note(self, category: Category) -> bool:
        """A note on the category itself or on any line in it (CR-08 commentary)."""
        if category in self.category_notes:
            return True
        if category is Category.OTHER_ESSENTIAL:
            return any(line.note for line in self.other_essentials)
        return any(ln.note for ln in self.lines.values() if ln.definition.category is category)


def _clean(note: str | None) -> str | None:
    if note is None:
        return None
    text = note.strip()
    return text or None


@frozen(kw_only=True)
class BudgetChanged(DomainEvent):
    name = "BudgetChanged"
    case_id: CaseId
    version: int
    completed: bool
    changed_by: UserId | None


@frozen(kw_only=True)
class OffersPlanned(DomainEvent):
    """An offer plan was saved for the case (CR-10, CR-11 read the latest)."""

    name = "OffersPlanned"
    case_id: CaseId
    plan_id: uuid.UUID
    deficit: bool
    planned_by: UserId | None
