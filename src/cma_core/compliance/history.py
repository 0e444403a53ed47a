"""Compliance over time: each evaluation's outcome per rule is kept as a change log, and
pass rates per period are read from it as the state at the end of each period.

``outcome_changes`` says what one re-evaluation adds to the log: a rule whose status (or
case adviser) differs from the stored finding, or that was never stored. The rate of a rule
in a period is then, over the cases whose latest outcome *by the end of the period* is
``pass`` or ``fail``, the share that pass: a case that passed in week 1 and failed in week
3 counts as a pass in weeks 1 and 2 and a fail from week 3, however often it was checked.
Attributed to the adviser the case had at its latest evaluation. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from attrs import frozen

from cma_core.compliance.model import Finding, Status
from cma_core.compliance.ports import FindingOutcome, StoredFinding
from cma_core.reference.periods import add_months
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, UserId

#: The most periods one history answers (two years of weeks).
MAX_PERIODS = 104


class Interval(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"


@frozen(kw_only=True)
class PeriodRate:
    start: dt.date
    end: dt.date  # exclusive
    passed: int
    failed: int

    @property
    def pass_rate(self) -> float | None:
        assessed = self.passed + self.failed
        return None if assessed == 0 else round(100 * self.passed / assessed, 1)


@frozen(kw_only=True)
class RuleHistory:
    rule_id: str
    points: tuple[PeriodRate, ...]


@frozen(kw_only=True)
class ComplianceHistory:
    interval: Interval
    adviser_id: UserId | None
    overall: tuple[PeriodRate, ...]  # every rule together
    rules: tuple[RuleHistory, ...]  # by rule id


def outcome_changes(
    previous: Iterable[StoredFinding],
    case_id: CaseId,
    adviser_id: UserId | None,
    findings: Iterable[Finding],
    evaluated_at: dt.datetime,
) -> list[FindingOutcome]:
    """What a re-evaluation adds to the history: the rules whose outcome changed."""
    before = {p.finding.rule_id: (p.finding.status, p.adviser_id) for p in previous}
    return [
        FindingOutcome(
            case_id=case_id,
            rule_id=f.rule_id,
            adviser_id=adviser_id,
            status=f.status,
            evaluated_at=evaluated_at,
        )
        for f in findings
        if before.get(f.rule_id) != (f.status, adviser_id)
    ]


def periods(start: dt.date, end: dt.date, interval: Interval) -> list[tuple[dt.date, dt.date]]:
    """``[start, end)`` pairs covering ``start``..``end`` (both inclusive): weeks from
    Monday, or calendar months from the 1st."""
    for name, day in (("from", start), ("to", end)):
        if not 1900 <= day.year <= 2100:
            raise ValidationError(name, "must be a date from 1900 to 2100")
    if end < start:
        raise ValidationError("to", "must not be before from")
    if interval is Interval.WEEK:
        first = start - dt.timedelta(days=start.weekday())
    else:
        first = start.replace(day=1)
    out: list[tuple[dt.date, dt.date]] = []
    while first <= end:
        after = first + dt.timedelta(days=7) if interval is Interval.WEEK else add_months(first, 1)
        out.append((first, after))
        first = after
        if len(out) > MAX_PERIODS:
            raise ValidationError(
                "from", f"at most {MAX_PERIODS} {interval.value}s between from and to"
            )
    return out


def pass_rates(
    outcomes: Sequence[FindingOutcome],
    spans: Sequence[tuple[dt.date, dt.date]],
    interval: Interval,
    *,
    adviser_id: UserId | None = None,
    timezone: str = "Europe/London",
) -> ComplianceHistory:
    """Pass rates per rule and overall at the end of each span, from the history (any
    order). With ``adviser_id``, only cases whose latest outcome was theirs count."""
    zone = ZoneInfo(timezone)
    ordered = sorted(outcomes, key=lambda o: (o.evaluated_at, o.rule_id, str(o.case_id)))
    state: dict[tuple[CaseId, str], FindingOutcome] = {}
    tally: Counter[tuple[str, Status]] = Counter()
    rules = sorted({o.rule_id for o in ordered})
    per_rule: dict[str, list[PeriodRate]] = {r: [] for r in rules}
    overall: list[PeriodRate] = []
    i = 0
    for start, end in spans:
        while i < len(ordered) and ordered[i].evaluated_at.astimezone(zone).date() < end:
            o = ordered[i]
            old = state.get((o.case_id, o.rule_id))
            if old is not None and (adviser_id is None or old.adviser_id == adviser_id):
                tally[(old.rule_id, old.status)] -= 1
            state[(o.case_id, o.rule_id)] = o
            if adviser_id is None or o.adviser_id == adviser_id:
                tally[(o.rule_id, o.status)] += 1
            i += 1
        for rule in rules:
            per_rule[rule].append(
                PeriodRate(
                    start=start,
                    end=end,
                    passed=tally[(rule, Status.PASS)],
                    failed=tally[(rule, Status.FAIL)],
                )
            )
        overall.append(
            PeriodRate(
                start=start,
                end=end,
                passed=sum(n for (_, s), n in tally.items() if s is Status.PASS),
                failed=sum(n for (_, s), n in tally.items() if s is Status.FAIL),
            )
        )
    return ComplianceHistory(
        interval=interval,
        adviser_id=adviser_id,
        overall=tuple(overall),
        rules=tuple(RuleHistory(rule_id=r, points=tuple(per_rule[r])) for r in rules),
    )
