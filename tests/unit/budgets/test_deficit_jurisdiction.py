"""The options for a deficit budget follow the case's jurisdiction: Breathing Space is an
England and Wales scheme, so Scotland and Northern Ireland get "ask creditors to hold
action" instead; an unknown jurisdiction gets a note that says where it applies."""

from __future__ import annotations

import pytest

from cma_core.budgets.deficit import deficit_of
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.money import Money


def _ids(jurisdiction: Jurisdiction | None) -> list[str]:
    deficit = deficit_of(Money(-2500), jurisdiction)
    assert deficit is not None
    return [n.id for n in deficit.notes]


def test_england_and_wales_offers_breathing_space() -> None:
    assert "DEF-BREATHING-SPACE" in _ids(Jurisdiction.EW)
    assert "DEF-HOLD" not in _ids(Jurisdiction.EW)


@pytest.mark.parametrize("jurisdiction", [Jurisdiction.SCO, Jurisdiction.NI])
def test_scotland_and_northern_ireland_ask_creditors_to_hold(jurisdiction: Jurisdiction) -> None:
    ids = _ids(jurisdiction)
    assert "DEF-BREATHING-SPACE" not in ids
    assert "DEF-HOLD" in ids
    assert ids[0] == "DEF-INCOME"  # the rest unchanged


def test_an_unknown_jurisdiction_says_where_breathing_space_applies() -> None:
    deficit = deficit_of(Money(-1), None)
    assert deficit is not None
    [note] = [n for n in deficit.notes if n.id == "DEF-BREATHING-SPACE"]
    assert "England and Wales" in note.text
    assert deficit_of(Money(0), Jurisdiction.SCO) is None  # nil is not a deficit
