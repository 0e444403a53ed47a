"""What every appraisal rule uses: the reason collector, the rule spec and small helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from attrs import frozen

from cma_core.assets.model import PastProcedure
from cma_core.budgets.model import BudgetSummary
from cma_core.debts.model import Debt
from cma_core.debts.priority import classify
from cma_core.reference.periods import add_years
from cma_core.reference.thresholds import Param, Threshold, ThresholdTable
from cma_core.shared.money import Money
from cma_core.solutions.model import CaseFacts, Finding, OptionResult, Reason, Solution

#: The Accountant in Bankruptcy's guidance (Scotland: MAP and sequestration), verified.
AIB = "AIB [V]"

PASS, FAIL, MISSING, JUDGEMENT, NOTE = (
    Finding.PASS,
    Finding.FAIL,
    Finding.MISSING,
    Finding.JUDGEMENT,
    Finding.NOTE,
)


class Rules:
    """Collects the reasons for one option; looks figures up for the facts' jurisdiction/date."""

    def __init__(self, solution: Solution, facts: CaseFacts, table: ThresholdTable) -> None:
        self.solution = solution
        self.facts = facts
        self.table = table
        self.reasons: list[Reason] = []
        self.stopped = False

    def add(
        self,
        rule_id: str,
        finding: Finding,
        message: str,
        *,
        source: str = "",
        threshold: Threshold | None = None,
    ) -> None:
        self.reasons.append(
            Reason(
                rule_id=rule_id,
                finding=finding,
                message=message,
                source=source,
                threshold=threshold,
            )
        )

    def stop(self) -> None:
        """No later rule of this option applies (e.g. the scheme was not in force)."""
        self.stopped = True

    def find(self, param: Param) -> Threshold | None:
        """The threshold in force, or ``None`` (silently: for notes, not tests)."""
        return self.table.find(self.facts.jurisdiction, param, self.facts.on_date)

    def figure(self, rule_id: str, param: Param) -> Threshold | None:
        """The threshold in force, or ``None`` after recording a MISSING reason."""
        rec = self.find(param)
        if rec is None:
            self.add(
                rule_id,
                MISSING,
                f"missing: no reference value of {param} for {self.facts.jurisdiction} "
                f"in force on {self.facts.on_date.isoformat()}",
            )
        return rec

    def budget(self, rule_id: str) -> BudgetSummary | None:
        """The SFS summary, or ``None`` after recording a MISSING reason."""
        if self.facts.budget is None:
            self.add(rule_id, MISSING, "missing: budget (SFS)")
        return self.facts.budget

    def flag(
        self,
        rule_id: str,
        value: bool | None,
        *,
        bad_if_true: str,
        source: str,
        missing: str | None = None,
    ) -> None:
        """FAIL if ``value`` is true, MISSING if unknown, PASS if false.

        ``missing`` names what is unknown; by default ``"whether {bad_if_true}"``.
        """
        if value is None:
            what = f"whether {bad_if_true}" if missing is None else missing
            self.add(rule_id, MISSING, f"missing: {what}", source=source)
        elif value:
            self.add(rule_id, FAIL, bad_if_true, source=source)
        else:
            self.add(rule_id, PASS, f"not {bad_if_true}", source=source)

    def result(self) -> OptionResult:
        return OptionResult(
            solution=self.solution,
            jurisdiction=self.facts.jurisdiction,
            on_date=self.facts.on_date,
            reasons=tuple(self.reasons),
        )


Check = Callable[[Rules], None]


@frozen(kw_only=True)
class RuleSpec:
    """One eligibility rule as data: its id, what it tests, where that comes from, the check.

    A check adds only reasons with its own ``id`` (several specs may share an id when the
    reasons of one rule are interleaved with another's, e.g. BR-E1 at both ends).
    """

    id: str
    title: str
    source: str
    check: Check


def run(
    solution: Solution, rules: tuple[RuleSpec, ...], facts: CaseFacts, table: ThresholdTable
) -> OptionResult:
    """Apply ``rules`` in order (until one stops the option) and collect their reasons."""
    r = Rules(solution, facts, table)
    for spec in rules:
        spec.check(r)
        if r.stopped:
            break
    return r.result()


def total(debts: Iterable[Debt]) -> Money:
    return Money(sum(d.balance.pence for d in debts))


def within_years(proc: PastProcedure, years: int, on_date: dt.date) -> bool | None:
    """Whether ``proc`` started less than ``years`` years before ``on_date``."""
    if proc.started_on is None:
        return None
    return add_years(proc.started_on, years) > on_date


def non_priority(debts: Iterable[Debt]) -> list[Debt]:
    return [d for d in debts if not d.is_secured and not classify(d).is_priority]


def note_threshold(r: Rules, rule_id: str, param: Param, text: Callable[[Threshold], str]) -> None:
    """A NOTE saying ``text(threshold)`` when ``param`` is in force; nothing when it is not."""
    rec = r.find(param)
    if rec is not None:
        r.add(rule_id, NOTE, text(rec), threshold=rec)


def debts_within(
    r: Rules,
    rule_id: str,
    label: str,
    debts: Money,
    limit: Threshold,
    *,
    limit_name: str = "",
) -> None:
    """PASS if ``debts`` are at most ``limit``, FAIL if they exceed it.

    The message reads ``"{label} {debts} within|exceed [{limit_name} ]{limit}"``.
    """
    ok = debts.pence <= limit.value
    shown = f"{limit_name} {limit.display_value()}" if limit_name else limit.display_value()
    r.add(
        rule_id,
        PASS if ok else FAIL,
        f"{label} {debts} {'within' if ok else 'exceed'} {shown}",
        threshold=limit,
    )
