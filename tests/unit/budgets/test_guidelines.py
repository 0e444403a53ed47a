from __future__ import annotations

import datetime as dt
import json

import pytest

from cma_core.budgets.catalogue import Category
from cma_core.budgets.guidelines import (
    EXAMPLE_SOURCE,
    Composition,
    GuidelineStatus,
    check_guidelines,
    first_monday_of_april,
    load_example_guidelines,
    parse_guidelines_csv,
    parse_guidelines_json,
)
from cma_core.budgets.model import Budget, Household
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

D = dt.date
SINGLE = Household()


def _status(budget: Budget, on: dt.date, hh: Household | None = SINGLE) -> dict[Category, str]:
    table = load_example_guidelines()
    return {c.category: c.status for c in check_guidelines(budget, table, on, hh)}


def test_example_table_is_marked_not_real() -> None:
    table = load_example_guidelines()
    assert table.records
    assert all(r.source == EXAMPLE_SOURCE and r.is_example for r in table.records)


def test_at_guideline_is_not_flagged_one_penny_over_is() -> None:
    b = Budget()
    b.set_line("groceries", Money(30_000))  # EXAMPLE guideline for 1 adult in 2024: 300.00
    assert _status(b, D(2024, 6, 1))[Category.FOOD_HOUSEKEEPING] is GuidelineStatus.AT_OR_BELOW
    b.set_line("groceries", Money(30_001))
    checks = check_guidelines(b, load_example_guidelines(), D(2024, 6, 1), SINGLE)
    food = next(c for c in checks if c.category is Category.FOOD_HOUSEKEEPING)
    assert food.status is GuidelineStatus.ABOVE_WITHOUT_NOTE
    assert food.flagged
    assert "EXAMPLE" in food.message


def test_note_clears_the_flag() -> None:
    b = Budget()
    b.set_line("groceries", Money(40_000), note="special diet; receipts on file")
    assert _status(b, D(2024, 6, 1))[Category.FOOD_HOUSEKEEPING] is (
        GuidelineStatus.ABOVE_WITH_NOTE
    )


def test_guideline_in_force_changes_on_first_monday_of_april() -> None:
    assert first_monday_of_april(2025) == D(2025, 4, 7)
    assert first_monday_of_april(2024) == D(2024, 4, 1)
    b = Budget()
    b.set_line("groceries", Money(31_000))  # above 2024 example (300), within 2025 (315)
    assert _status(b, D(2025, 4, 6))[Category.FOOD_HOUSEKEEPING] is (
        GuidelineStatus.ABOVE_WITHOUT_NOTE
    )
    assert _status(b, D(2025, 4, 7))[Category.FOOD_HOUSEKEEPING] is GuidelineStatus.AT_OR_BELOW


def test_no_guideline_for_composition_or_unknown_household() -> None:
    b = Budget()
    big = Household(has_partner=True, dependent_children_under_16=5)
    assert set(_status(b, D(2024, 6, 1), big).values()) == {GuidelineStatus.NO_GUIDELINE}
    checks = check_guidelines(b, load_example_guidelines(), D(2024, 6, 1))
    assert all(c.message == "missing: household composition" for c in checks)
    assert len(checks) == 3  # flexible categories only


def test_budget_household_is_used_by_default() -> None:
    b = Budget(household=Household(has_partner=True))
    b.set_line("mobile_phone", Money(14_001))  # couple 2024 example: 140.00
    checks = check_guidelines(b, load_example_guidelines(), D(2024, 6, 1))
    comms = next(c for c in checks if c.category is Category.COMMUNICATIONS_LEISURE)
    assert comms.flagged
    assert comms.guideline is not None
    assert comms.guideline.composition == Composition(adults=2, children=0)


CSV = """# comment
valid_from,valid_to,adults,children,category,monthly_pence,source
2024-04-01,,1,0,personal,5000,centre import
"""


def test_csv_and_json_loaders() -> None:
    table = parse_guidelines_csv(CSV)
    assert table.records[0].monthly == Money(5_000)
    assert table.records[0].valid_to is None
    rows = [
        {
            "valid_from": "2024-04-01",
            "valid_to": None,
            "adults": 1,
            "children": 0,
            "category": "personal",
            "monthly_pence": 5000,
            "source": "centre import",
        }
    ]
    assert parse_guidelines_json(json.dumps(rows)).records == table.records


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("2024-04-01,,1,0,groceries,5000,x", "guidelines[0].category"),
        ("2024-04-01,,1,0,home_contents,5000,x", "guidelines[0].category"),
        ("2024-04-01,,3,0,personal,5000,x", "guidelines[0].adults"),
        ("2024-04-01,,1,0,personal,-1,x", "guidelines[0].monthly_pence"),
        ("2024-04-01,,1,0,personal,12.50,x", "guidelines[0].monthly_pence"),
        (",,1,0,personal,5000,x", "guidelines[0].valid_from"),
    ],
)
def test_bad_rows_name_the_field(row: str, field: str) -> None:
    text = "valid_from,valid_to,adults,children,category,monthly_pence,source\n" + row
    with pytest.raises(ValidationError) as exc:
        parse_guidelines_csv(text)
    assert exc.value.field == field


def test_overlapping_guidelines_rejected() -> None:
    text = (
        "valid_from,valid_to,adults,children,category,monthly_pence,source\n"
        "2024-04-01,,1,0,personal,5000,x\n2025-04-07,,1,0,personal,5200,x\n"
    )
    with pytest.raises(ValidationError):
        parse_guidelines_csv(text)


def test_json_must_be_a_list() -> None:
    with pytest.raises(ValidationError):
        parse_guidelines_json("{}")
