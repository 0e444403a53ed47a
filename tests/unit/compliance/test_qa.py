from __future__ import annotations

import uuid

import pytest

from cma_core.compliance.qa import (
    Answer,
    Checklist,
    ChecklistItem,
    checklist_from_rules,
    sample_closed_cases,
    score_checklist,
)
from cma_core.compliance.registry import RULES
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, UserId

A = UserId(uuid.UUID(int=1))
B = UserId(uuid.UUID(int=2))


def cases(n: int, offset: int = 0) -> list[CaseId]:
    return [CaseId(uuid.UUID(int=1000 + offset + i)) for i in range(n)]


def test_sampling_is_reproducible_and_order_independent() -> None:
    pool = {A: cases(20), B: cases(3, 500)}
    first = sample_closed_cases(pool, 5, seed="2026-Q2")
    again = sample_closed_cases({B: pool[B][::-1], A: pool[A][::-1]}, 5, seed="2026-Q2")
    assert first == again
    assert len(first[A]) == 5
    assert set(first[A]) <= set(pool[A])
    assert set(first[B]) == set(pool[B])  # fewer cases than the quota: all of them


def test_seed_changes_sample_and_advisers_are_independent() -> None:
    pool = {A: cases(50), B: cases(50, 500)}
    assert sample_closed_cases(pool, 5, 1)[A] != sample_closed_cases(pool, 5, 2)[A]
    grown = {A: pool[A], B: cases(80, 500)}
    assert sample_closed_cases(pool, 5, 1)[A] == sample_closed_cases(grown, 5, 1)[A]
    with pytest.raises(ValidationError):
        sample_closed_cases(pool, -1, 1)


CHECKLIST = Checklist(
    name="File review",
    items=(
        ChecklistItem(id="authority", question="Authority to act on file?", critical=True),
        ChecklistItem(id="budget", question="Budget complete?", weight=2),
        ChecklistItem(id="letter", question="Advice letter clear?"),
        ChecklistItem(id="bs", question="Breathing space handled?"),
    ),
)


def test_checklist_scoring() -> None:
    score = score_checklist(
        CHECKLIST,
        {
            "authority": Answer.MET,
            "budget": Answer.MET,
            "letter": Answer.NOT_MET,
            "bs": Answer.NOT_APPLICABLE,
        },
    )
    assert (score.earned, score.possible, score.percent, score.passed) == (3, 4, 75, True)


def test_critical_failure_and_unanswered() -> None:
    score = score_checklist(CHECKLIST, {"authority": Answer.NOT_MET, "budget": Answer.MET})
    assert score.critical_failures == ("authority",)
    assert score.unanswered == ("letter", "bs")
    assert not score.passed
    with pytest.raises(ValidationError):
        score_checklist(CHECKLIST, {"nope": Answer.MET})


def test_checklist_validation_and_rule_checklist() -> None:
    with pytest.raises(ValidationError):
        Checklist(name="x", items=(ChecklistItem(id="a", question="?"),) * 2)
    rules = checklist_from_rules([r.id for r in RULES], {r.id: r.title for r in RULES})
    assert len(rules.items) == 24
