"""Quality assurance: reproducible sampling of closed files and checklist scoring.

MaPS peer review and AQS score a sample of **closed** files; sample sizes were not found
(UK-DEBT-ADVICE §6), so the quota is an input.
"""

from __future__ import annotations

import enum
import hashlib
import random
from collections.abc import Iterable, Mapping, Sequence

from attrs import frozen

from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, UserId


def sample_closed_cases(
    case_ids_by_adviser: Mapping[UserId, Sequence[CaseId]],
    quota: int,
    seed: int | str,
) -> dict[UserId, tuple[CaseId, ...]]:
    """Pick up to ``quota`` closed cases per adviser, reproducibly.

    The same seed and the same *set* of cases give the same sample whatever order the
    cases arrive in (they are sorted first), and one adviser's sample does not change when
    another adviser's cases do (each adviser gets its own generator, seeded from the seed
    and the adviser id). Record the seed with the sample so an auditor can re-draw it.
    """
    if quota < 0:
        raise ValidationError("quota", "must not be negative")
    out: dict[UserId, tuple[CaseId, ...]] = {}
    for adviser in sorted(case_ids_by_adviser, key=str):
        pool = sorted(set(case_ids_by_adviser[adviser]), key=str)
        digest = hashlib.sha256(f"{seed}|{adviser}".encode()).digest()
        # Not security: an auditable, repeatable draw. random.Random is stable across
        # Python versions for sample() given the same integer seed.
        rng = random.Random(int.from_bytes(digest[:8], "big"))  # noqa: S311
        out[adviser] = tuple(sorted(rng.sample(pool, min(quota, len(pool))), key=str))
    return out


class Answer(enum.StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"


@frozen(kw_only=True)
class ChecklistItem:
    id: str
    question: str
    weight: int = 1
    critical: bool = False  # a "not met" fails the whole file whatever the score


@frozen(kw_only=True)
class Checklist:
    name: str
    items: tuple[ChecklistItem, ...]
    pass_mark_percent: int = 75  # centre policy; no published AQS figure found

    def __attrs_post_init__(self) -> None:
        ids = [i.id for i in self.items]
        if len(ids) != len(set(ids)):
            raise ValidationError("items", "item ids must be unique")
        if any(i.weight < 1 for i in self.items):
            raise ValidationError("items", "weights must be at least 1")
        if not 0 <= self.pass_mark_percent <= 100:
            raise ValidationError("pass_mark_percent", "must be between 0 and 100")


@frozen(kw_only=True)
class ChecklistScore:
    earned: int
    possible: int
    percent: int  # rounded down, so 74.9 % never shows as a pass mark of 75
    critical_failures: tuple[str, ...]
    unanswered: tuple[str, ...]
    passed: bool


def score_checklist(checklist: Checklist, answers: Mapping[str, Answer]) -> ChecklistScore:
    """Score a reviewer's answers. Not-applicable items leave the denominator; unanswered
    items count as not met (an incomplete review must not look better than a complete one).
    """
    unknown = set(answers) - {i.id for i in checklist.items}
    if unknown:
        raise ValidationError("answers", f"unknown items: {', '.join(sorted(unknown))}")
    earned = possible = 0
    critical: list[str] = []
    unanswered: list[str] = []
    for item in checklist.items:
        answer = answers.get(item.id)
        if answer is None:
            unanswered.append(item.id)
            answer = Answer.NOT_MET
        if answer is Answer.NOT_APPLICABLE:
            continue
        possible += item.weight
        if answer is Answer.MET:
            earned += item.weight
        elif item.critical:
            critical.append(item.id)
    percent = 100 if possible == 0 else (earned * 100) // possible
    return ChecklistScore(
        earned=earned,
        possible=possible,
        percent=percent,
        critical_failures=tuple(critical),
        unanswered=tuple(unanswered),
        passed=not critical and percent >= checklist.pass_mark_percent,
    )


def checklist_from_rules(rule_ids: Iterable[str], titles: Mapping[str, str]) -> Checklist:
    """A starter checklist with one item per compliance rule (reviewers add judgement items)."""
    return Checklist(
        name="Compliance rules",
        items=tuple(ChecklistItem(id=i, question=titles[i]) for i in rule_ids),
    )
