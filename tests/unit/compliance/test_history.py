"""Pass rates over time from the findings history (``cma_core.compliance.history``), pure."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.compliance.history import Interval, outcome_changes, pass_rates, periods
from cma_core.compliance.model import Finding, Severity, Status
from cma_core.compliance.ports import FindingOutcome, StoredFinding
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, UserId

ADA, BEN = UserId(uuid.UUID(int=1)), UserId(uuid.UUID(int=2))
C1, C2 = CaseId(uuid.UUID(int=11)), CaseId(uuid.UUID(int=12))


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T12:00:00+00:00")


def out(case: CaseId, rule: str, status: Status, day: str, adviser: UserId = ADA) -> FindingOutcome:
    return FindingOutcome(
        case_id=case, rule_id=rule, adviser_id=adviser, status=status, evaluated_at=at(day)
    )


def finding(rule: str, status: Status) -> Finding:
    return Finding(rule_id=rule, severity=Severity.HIGH, status=status, message="m")


def test_weeks_start_on_monday_and_months_on_the_first() -> None:
    weeks = periods(dt.date(2026, 11, 18), dt.date(2026, 12, 1), Interval.WEEK)
    assert weeks == [
        (dt.date(2026, 11, 16), dt.date(2026, 11, 23)),
        (dt.date(2026, 11, 23), dt.date(2026, 11, 30)),
        (dt.date(2026, 11, 30), dt.date(2026, 12, 7)),
    ]
    months = periods(dt.date(2026, 11, 18), dt.date(2027, 1, 2), Interval.MONTH)
    assert [m[0] for m in months] == [
        dt.date(2026, 11, 1),
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 1),
    ]
    with pytest.raises(ValidationError) as err:
        periods(dt.date(2020, 1, 1), dt.date(2026, 1, 1), Interval.WEEK)
    assert err.value.field == "from"
    with pytest.raises(ValidationError):
        periods(dt.date(2026, 2, 1), dt.date(2026, 1, 1), Interval.MONTH)
    with pytest.raises(ValidationError) as err:
        periods(dt.date(9999, 12, 1), dt.date(9999, 12, 31), Interval.WEEK)
    assert err.value.field == "from"


def test_a_case_counts_by_its_latest_outcome_at_each_period_end() -> None:
    history = [
        out(C1, "CR-01", Status.PASS, "2026-11-17"),
        out(C2, "CR-01", Status.FAIL, "2026-11-18"),
        out(C1, "CR-01", Status.FAIL, "2026-12-01"),  # fails in the third week
        out(C2, "CR-01", Status.PASS, "2026-12-02"),
        out(C1, "CR-02", Status.NOT_ASSESSABLE, "2026-11-17"),
    ]
    spans = periods(dt.date(2026, 11, 16), dt.date(2026, 12, 6), Interval.WEEK)
    h = pass_rates(history, spans, Interval.WEEK)
    (cr01,) = [r for r in h.rules if r.rule_id == "CR-01"]
    assert [(p.passed, p.failed, p.pass_rate) for p in cr01.points] == [
        (1, 1, 50.0),
        (1, 1, 50.0),  # nothing re-evaluated in week 2: the same state carries on
        (1, 1, 50.0),
    ]
    (cr02,) = [r for r in h.rules if r.rule_id == "CR-02"]
    assert [p.pass_rate for p in cr02.points] == [None, None, None]  # never assessable
    assert [(p.passed, p.failed) for p in h.overall] == [(1, 1), (1, 1), (1, 1)]


def test_a_rate_moves_when_cases_change_and_an_adviser_filter_follows_the_case() -> None:
    history = [
        out(C1, "CR-01", Status.FAIL, "2026-11-17"),
        out(C2, "CR-01", Status.FAIL, "2026-11-17", adviser=BEN),
        out(C1, "CR-01", Status.PASS, "2026-11-25"),
        out(C2, "CR-01", Status.PASS, "2026-11-26", adviser=ADA),  # reassigned to Ada
    ]
    spans = periods(dt.date(2026, 11, 16), dt.date(2026, 11, 29), Interval.WEEK)
    everyone = pass_rates(history, spans, Interval.WEEK)
    assert [p.pass_rate for p in everyone.overall] == [0.0, 100.0]
    ada = pass_rates(history, spans, Interval.WEEK, adviser_id=ADA)
    assert [(p.passed, p.failed) for p in ada.overall] == [(0, 1), (2, 0)]
    ben = pass_rates(history, spans, Interval.WEEK, adviser_id=BEN)
    assert [(p.passed, p.failed) for p in ben.overall] == [(0, 1), (0, 0)]


def test_period_edges_are_local_days() -> None:
    # 23:30 UTC on Sunday 29 March 2026 is 00:30 BST on Monday 30 March: the next week.
    late = FindingOutcome(
        case_id=C1, rule_id="CR-01", adviser_id=ADA, status=Status.PASS,
        evaluated_at=dt.datetime(2026, 3, 29, 23, 30, tzinfo=dt.UTC),
    )  # fmt: skip
    spans = periods(dt.date(2026, 3, 23), dt.date(2026, 4, 5), Interval.WEEK)
    h = pass_rates([late], spans, Interval.WEEK)
    assert [p.passed for p in h.overall] == [0, 1]


def test_only_changed_outcomes_are_recorded() -> None:
    centre = CentreId(uuid.UUID(int=99))
    previous = [
        StoredFinding(centre_id=centre, case_id=C1, adviser_id=ADA,
                      finding=finding("CR-01", Status.PASS), evaluated_at=at("2026-11-17")),
        StoredFinding(centre_id=centre, case_id=C1, adviser_id=ADA,
                      finding=finding("CR-02", Status.FAIL), evaluated_at=at("2026-11-17")),
    ]  # fmt: skip
    now = at("2026-11-20")
    new = [
        finding("CR-01", Status.PASS),
        finding("CR-02", Status.PASS),
        finding("CR-03", Status.FAIL),
    ]
    changed = outcome_changes(previous, C1, ADA, new, now)
    assert [(c.rule_id, c.status) for c in changed] == [
        ("CR-02", Status.PASS),
        ("CR-03", Status.FAIL),
    ]
    # The same outcomes under a new adviser are recorded, so the rates follow the case.
    moved = outcome_changes(previous, C1, BEN, new[:1], now)
    assert [(c.rule_id, c.adviser_id) for c in moved] == [("CR-01", BEN)]
