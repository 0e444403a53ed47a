"""The appraisal rules as data: one cited function per rule id, in a tuple per solution."""

from __future__ import annotations

import pytest

from cma_core.reference.thresholds import default_thresholds
from cma_core.solutions.model import SOLUTIONS_BY_JURISDICTION, Solution
from cma_core.solutions.rules import RULES_BY_SOLUTION
from cma_core.solutions.rules.base import Rules
from solutions.test_appraisal_snapshot import case


def test_every_solution_has_its_rules() -> None:
    offered = {s for solutions in SOLUTIONS_BY_JURISDICTION.values() for s in solutions}
    assert offered <= RULES_BY_SOLUTION.keys()
    assert all(RULES_BY_SOLUTION[s] for s in offered)


@pytest.mark.parametrize("solution", list(RULES_BY_SOLUTION), ids=str)
def test_each_rule_is_cited_and_documented(solution: Solution) -> None:
    for spec in RULES_BY_SOLUTION[solution]:
        assert spec.title
        assert spec.source
        doc = spec.check.__doc__ or ""
        assert doc.strip(), f"{spec.check.__name__} has no docstring"


@pytest.mark.parametrize("solution", list(RULES_BY_SOLUTION), ids=str)
def test_a_rule_gives_reasons_under_its_own_id_only(solution: Solution) -> None:
    for i in range(0, 2_000, 2):
        facts, table = case(i)
        if solution not in SOLUTIONS_BY_JURISDICTION[facts.jurisdiction]:
            continue
        for spec in RULES_BY_SOLUTION[solution]:
            r = Rules(solution, facts, table or default_thresholds())
            spec.check(r)
            assert {reason.rule_id for reason in r.reasons} <= {spec.id}, spec.check.__name__
