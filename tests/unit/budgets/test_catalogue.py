from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cma_core.budgets.catalogue import (
    CATEGORIES,
    LINES,
    LINES_BY_KEY,
    Category,
    Section,
    categories_in,
    lines_in,
)

SCHEMA = Path("/work/shared/domain/sfs-dds-v1.1/sfs-data-entry-schema.json")


def test_keys_are_unique() -> None:
    assert len(LINES_BY_KEY) == len(LINES)
    assert len({line.sfs_key for line in LINES}) == len(LINES)


def test_every_category_has_a_definition_and_lines() -> None:
    assert set(CATEGORIES) == set(Category)
    for cat in Category:
        if cat is Category.OTHER_ESSENTIAL:
            assert lines_in(cat) == ()  # a free list in SFS-DDS
        else:
            assert lines_in(cat), cat


def test_sections() -> None:
    assert categories_in(Section.FLEXIBLE) == (
        Category.COMMUNICATIONS_LEISURE,
        Category.FOOD_HOUSEKEEPING,
        Category.PERSONAL,
    )
    assert len(categories_in(Section.INCOME)) == 4
    assert len(categories_in(Section.FIXED)) == 9
    for line in LINES:
        assert line.section is CATEGORIES[line.category].section


def _schema_lines(node: dict[str, Any]) -> dict[str, set[str]]:
    """category key -> the income-expenditure line keys of the schema."""
    out: dict[str, set[str]] = {}
    for key, prop in node.get("properties", {}).items():
        if prop.get("type") == "object" and "properties" in prop:
            lines = {
                k
                for k, v in prop["properties"].items()
                if v.get("$ref") == "#/definitions/income-expenditure-type"
            }
            if lines:
                out[key] = lines
            out.update(_schema_lines(prop))
    return out


def test_catalogue_matches_the_sfs_dds_schema() -> None:
    if not SCHEMA.exists():
        pytest.skip("SFS-DDS schema not available on this machine")
    schema = json.loads(SCHEMA.read_text())
    income = _schema_lines(schema["properties"]["monthly-income"])
    outgoings = _schema_lines(schema["properties"]["monthly-outgoings"])
    from_schema = {**income, **outgoings}
    ours: dict[str, set[str]] = {}
    for line in LINES:
        ours.setdefault(CATEGORIES[line.category].sfs_key, set()).add(line.sfs_key)
    assert ours == from_schema
    # total keys exist in the schema too
    text = SCHEMA.read_text()
    for cat in CATEGORIES.values():
        assert f'"{cat.sfs_total_key}"' in text
