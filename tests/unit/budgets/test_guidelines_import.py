"""A guidelines file imported over the API: errors name the file's line and column, the
preview lists what changes, the periods say source and dates."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from cma_core.budgets.reference_admin import diff, parse_guidelines_file, periods
from cma_core.shared.errors import ValidationError

HEADER = "valid_from,valid_to,adults,children,category,monthly_pence,source"


def example() -> str:
    return (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )


def test_the_shipped_example_parses_into_two_periods() -> None:
    table = parse_guidelines_file(example())
    shown = periods(table, dt.date(2026, 1, 1))
    assert [(p.valid_from, p.valid_to, p.rows, p.in_force) for p in shown] == [
        (dt.date(2025, 4, 7), None, 9, True),
        (dt.date(2024, 4, 1), dt.date(2025, 4, 6), 9, False),
    ]
    assert shown[0].households == ("1A0C", "1A1C", "2A0C")


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("2026-04-06,,3,0,personal,100,S", "line[4].adults"),
        ("2026-04-06,,1,0,mortgage,100,S", "line[4].category"),
        ("2026-13-06,,1,0,personal,100,S", "line[4].valid_from"),
        ("2026-04-06,,1,0,personal,lots,S", "line[4].monthly_pence"),
    ],
    ids=["adults", "category", "date", "money"],
)
def test_a_bad_row_names_its_line_counting_comments_and_blanks(row: str, field: str) -> None:
    text = f"# a comment\n{HEADER}\n\n{row}\n"
    with pytest.raises(ValidationError) as err:
        parse_guidelines_file(text)
    assert err.value.field == field


def test_control_characters_and_empty_files_are_refused() -> None:
    with pytest.raises(ValidationError) as err:
        parse_guidelines_file(f"{HEADER}\n2026-04-06,,1,0,personal,1\x1b00,S\n")
    assert err.value.field == "line[2]"
    with pytest.raises(ValidationError) as err:
        parse_guidelines_file("# only a comment\n")
    assert err.value.field == "content"


def test_diff_lists_added_removed_and_changed_figures() -> None:
    old = parse_guidelines_file(
        f"{HEADER}\n2026-04-06,,1,0,personal,100,S\n2026-04-06,,1,0,food_housekeeping,300,S\n"
    )
    new = parse_guidelines_file(
        f"{HEADER}\n2026-04-06,,1,0,personal,120,S\n2026-04-06,,2,0,personal,150,S\n"
    )
    d = diff(old, new)
    assert [(c.adults, c.category.value, c.before, c.after) for c in d.changed] == [
        (1, "personal", 100, 120)
    ]
    assert [(c.adults, c.category.value, c.after) for c in d.added] == [(2, "personal", 150)]
    assert [(c.category.value, c.before) for c in d.removed] == [("food_housekeeping", 300)]
    assert len(diff(None, new).added) == 2
