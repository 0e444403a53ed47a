from __future__ import annotations

import pytest

from cma_core.budgets.catalogue import Category, Section
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, BudgetLine, Household
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money


def _budget() -> Budget:
    b = Budget()
    b.set_line("client_salary", Money(150_000))  # £1,500.00
    b.set_line("child_benefit", Money(2_560), Frequency.WEEKLY)  # 25.60 x 52 / 12 = 110.93
    b.set_line("rent", Money(60_000))
    b.set_line("council_tax", Money(120_000), Frequency.YEARLY)  # 100.00
    b.set_line("gas", Money(1_000), Frequency.WEEKLY)  # 43.33
    b.set_line("groceries", Money(5_000), Frequency.WEEKLY)  # 216.67
    b.set_line("mobile_phone", Money(2_000))
    b.set_line("clothing_footwear", Money(9_000), Frequency.QUARTERLY)  # 30.00
    b.add_other_essential("Bus pass for child", Money(1_500), Frequency.FOUR_WEEKLY)  # 16.25
    return b


def test_totals_follow_the_sfs_formulas() -> None:
    b = _budget()
    assert b.total_income == Money(150_000 + 11_093)
    assert b.category_total(Category.HOME_CONTENTS) == Money(60_000 + 10_000)
    assert b.category_total(Category.OTHER_ESSENTIAL) == Money(1_625)
    assert b.total_fixed == Money(60_000 + 10_000 + 4_333 + 1_625)
    assert b.total_flexible == Money(21_667 + 2_000 + 3_000)
    assert b.total_outgoings == b.total_fixed + b.total_flexible
    assert b.section_total(Section.FLEXIBLE) == b.total_flexible
    assert b.income_minus_outgoings == Money(161_093 - 75_958 - 26_667)


def test_available_amounts() -> None:
    b = _budget()
    b.set_savings_contribution(Money(1_000))
    b.set_debt_admin_fee(Money(500))
    surplus = b.income_minus_outgoings
    assert b.available_for_priority == surplus - Money(1_500)
    assert b.available_for_non_priority(Money(2_000)) == surplus - Money(3_500)
    s = b.summary(Money(2_000))
    assert s.available_for_non_priority == surplus - Money(3_500)
    assert s.total_priority_offers == Money(2_000)
    assert b.savings_contribution_considered is True


def test_deficit_is_a_result_not_an_error() -> None:
    b = Budget()
    b.set_line("rent", Money(50_000))
    assert b.available_for_priority == Money(-50_000)


@pytest.mark.parametrize("key", ["rent", "client_salary", "groceries"])
def test_negative_line_rejected_naming_the_line(key: str) -> None:
    b = Budget()
    with pytest.raises(ValidationError) as exc:
        b.set_line(key, Money(-1))
    assert exc.value.field == f"lines.{key}.amount"
    assert key not in b.lines


def test_other_negative_inputs_are_rejected() -> None:
    b = Budget()
    with pytest.raises(ValidationError) as exc:
        b.add_other_essential("x", Money(-1))
    assert exc.value.field == "other_essentials[0].amount"
    with pytest.raises(ValidationError) as exc:
        b.set_savings_contribution(Money(-1))
    assert exc.value.field == "savings_contribution"
    with pytest.raises(ValidationError) as exc:
        b.set_debt_admin_fee(Money(-1))
    assert exc.value.field == "debt_admin_fee"
    with pytest.raises(ValidationError) as exc:
        b.available_for_non_priority(Money(-1))
    assert exc.value.field == "total_priority_offers"
    with pytest.raises(ValidationError) as exc:
        Budget(debt_admin_fee=Money(-5))
    assert exc.value.field == "debt_admin_fee"


def test_unknown_line_key_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        Budget().set_line("yacht", Money(1))
    assert exc.value.field == "lines.yacht"


def test_lines_dict_must_be_keyed_by_line_key() -> None:
    with pytest.raises(ValidationError):
        Budget(lines={"rent": BudgetLine(key="gas", amount=Money(1))})


def test_notes_per_line_and_category() -> None:
    b = Budget()
    b.set_line("groceries", Money(1), note="  special diet (coeliac)  ")
    assert b.lines["groceries"].note == "special diet (coeliac)"
    assert b.category_has_note(Category.FOOD_HOUSEKEEPING)
    assert not b.category_has_note(Category.PERSONAL)
    b.set_category_note(Category.PERSONAL, "work uniform")
    assert b.category_has_note(Category.PERSONAL)
    b.set_category_note(Category.PERSONAL, "  ")
    assert not b.category_has_note(Category.PERSONAL)
    b.set_line("mobile_phone", Money(1), note="   ")
    assert b.lines["mobile_phone"].note is None


def test_household_counts() -> None:
    hh = Household(has_partner=True, dependent_children_under_16=2, non_dependants=1)
    assert hh.adults == 2
    assert hh.children == 2
    assert hh.total_people == 5
    with pytest.raises(ValidationError) as exc:
        Household(vehicles=-1)
    assert exc.value.field == "household.vehicles"
