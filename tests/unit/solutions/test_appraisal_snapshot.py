"""Characterisation test: the options appraisal over a broad generated set of cases.

The snapshot (``appraisal_snapshot.json``) was written once from the appraisal as it stood
before the rules were split into one function per rule id, so that restructuring changes
no status, reason, order, message, source or figure. Each case is generated from a fixed
seed (no clock, no ``uuid4``); its whole result is rendered as canonical JSON and compared
by SHA-256 digest (the full text of every case would be tens of megabytes).

When a rule change is *meant* to change results, rewrite the snapshot with
``python -m tests.unit.solutions.test_appraisal_snapshot`` and say why in the commit. To see
what changed for a failing case, print ``render(case(i))`` on both sides of the change.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import pathlib
import random
import uuid
from typing import Any

import attrs

from cma_core.assets.model import (
    AssetSchedule,
    CurrentStatus,
    HomeTenure,
    InsolvencyHistory,
    OtherAsset,
    Outcome,
    PastProcedure,
    Pension,
    ProcedureKind,
    Property,
    ResidenceFacts,
    Vehicle,
)
from cma_core.budgets.model import BudgetSummary
from cma_core.debts.model import (
    CreditorId,
    Debt,
    DebtId,
    DebtType,
    EnforcementStage,
    PriorityOverride,
)
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import ThresholdTable, default_thresholds
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_core.solutions.model import Appraisal, CaseFacts
from cma_core.solutions.rules import appraise

SNAPSHOT = pathlib.Path(__file__).with_name("appraisal_snapshot.json")
SEED = 20261203
CASES = 10_000

CENTRE = CentreId(uuid.UUID(int=1))
CASE = CaseId(uuid.UUID(int=2))

#: Dates either side of the figure changes in the shipped table (DRO limits, MAP limits,
#: Breathing Space from 2021-05-04, NI DRO from 2025-07-08) and before any record starts.
DATES = (
    dt.date(2009, 1, 1),
    dt.date(2015, 9, 30),
    dt.date(2015, 10, 1),
    dt.date(2021, 3, 29),
    dt.date(2021, 5, 3),
    dt.date(2021, 5, 4),
    dt.date(2021, 6, 28),
    dt.date(2021, 6, 29),
    dt.date(2023, 2, 6),
    dt.date(2024, 6, 27),
    dt.date(2024, 6, 28),
    dt.date(2025, 1, 15),
    dt.date(2025, 7, 7),
    dt.date(2025, 7, 8),
    dt.date(2026, 4, 6),
)
#: Balances at and either side of the debt limits (DRO, MAP, AO, IVA) in pence.
BALANCES = (0, 1, 50_000, 149_999, 150_000, 499_999, 500_000, 600_000, 999_999, 1_000_000)
BALANCES += (1_500_000, 1_500_001, 1_700_000, 1_700_001, 2_000_000, 2_000_001, 2_500_000)
BALANCES += (2_500_001, 2_999_999, 3_000_000, 3_000_001, 4_999_999, 5_000_000, 5_000_001)
#: Surpluses around the DRO limits (£50, £75) and zero, in pence.
SURPLUSES = (-10_000, -1, 0, 1, 4_999, 5_000, 5_001, 7_499, 7_500, 7_501, 20_000, 150_000)
#: Asset and vehicle values at and either side of the DRO and MAP asset figures.
VALUES = (0, 1, 29_999, 30_000, 30_001, 99_999, 100_000, 100_001, 199_999, 200_000, 200_001)
VALUES += (299_999, 300_000, 300_001, 399_999, 400_000, 400_001, 500_001)


def _maybe(rng: random.Random, value: Any, none_weight: float = 0.2) -> Any:
    return None if rng.random() < none_weight else value


def _flag(rng: random.Random, true_weight: float = 0.15, none_weight: float = 0.15) -> bool | None:
    x = rng.random()
    if x < none_weight:
        return None
    return x < none_weight + true_weight


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128))


def _debt(rng: random.Random, creditors: list[CreditorId]) -> Debt:
    override = None
    if rng.random() < 0.08:
        override = PriorityOverride(
            is_priority=rng.random() < 0.5, reason="adviser", by=None, on=dt.date(2024, 1, 1)
        )
    return Debt(
        id=DebtId(_uuid(rng)),
        centre_id=CENTRE,
        case_id=CASE,
        creditor_id=None if rng.random() < 0.1 else rng.choice(creditors),
        debt_type=rng.choice(list(DebtType)),
        balance=Money(rng.choice(BALANCES)),
        arrears=_maybe(rng, Money(rng.choice((0, *VALUES))), 0.3),
        contractual_payment=_maybe(rng, Money(rng.choice((0, 2_500, 10_000, 40_000))), 0.3),
        ccj=_flag(rng, 0.3),
        enforcement_stage=_maybe(rng, rng.choice(list(EnforcementStage)), 0.4),
        hp_goods_essential=_flag(rng, 0.5),
        priority_override=override,
    )


def _budget(rng: random.Random) -> BudgetSummary | None:
    if rng.random() < 0.15:
        return None
    surplus = rng.choice(SURPLUSES)
    priority = rng.choice((0, 0, 1_000, 5_000, 30_000))
    income = 150_000
    return BudgetSummary(
        total_income=Money(income),
        total_fixed=Money(income - surplus),
        total_flexible=Money(0),
        total_outgoings=Money(income - surplus),
        income_minus_outgoings=Money(surplus),
        savings_contribution=Money(0),
        debt_admin_fee=Money(0),
        available_for_priority=Money(surplus),
        total_priority_offers=Money(priority),
        available_for_non_priority=Money(surplus - priority),
    )


def _vehicle(rng: random.Random, i: int) -> Vehicle:
    return Vehicle(
        description=rng.choice(("", f"car {i}")),
        value=_maybe(rng, Money(rng.choice(VALUES))),
        needed_for_work=_flag(rng, 0.4),
        work_only=_flag(rng, 0.3),
        adapted_for_disability=_flag(rng, 0.15),
    )


def _assets(rng: random.Random) -> AssetSchedule:
    owns = _flag(rng, 0.2)
    properties: tuple[Property, ...] = ()
    if owns is not False and rng.random() < 0.1:
        properties = (Property(tenure=rng.choice(list(HomeTenure))),)
    vehicles = None
    if rng.random() < 0.85:
        vehicles = tuple(_vehicle(rng, i) for i in range(rng.choice((0, 0, 1, 1, 2, 3))))
    others = None
    if rng.random() < 0.85:
        others = tuple(
            OtherAsset(description=f"asset {i}", value=_maybe(rng, Money(rng.choice(VALUES))))
            for i in range(rng.choice((0, 0, 1, 2)))
        )
    pensions = rng.choice((None, (), (Pension(description="work pension"),)))
    return AssetSchedule(
        owns_property=owns,
        properties=properties,
        vehicles=vehicles,
        savings_and_cash=_maybe(rng, Money(rng.choice(VALUES))),
        pensions=pensions,
        other_assets=others,
    )


def _procedure(rng: random.Random, on_date: dt.date) -> PastProcedure:
    started = None
    ended = None
    if rng.random() < 0.85:
        started = on_date - dt.timedelta(days=rng.choice((30, 200, 364, 366, 1500, 2190, 4000)))
        if rng.random() < 0.8:
            ended = started + dt.timedelta(days=rng.choice((0, 30, 60, 365)))
    return PastProcedure(
        kind=rng.choice(list(ProcedureKind)),
        started_on=started,
        ended_on=ended,
        outcome=rng.choice(list(Outcome)),
    )


def _insolvency(rng: random.Random, on_date: dt.date) -> InsolvencyHistory:
    previous = None
    if rng.random() < 0.85:
        previous = tuple(_procedure(rng, on_date) for _ in range(rng.choice((0, 0, 1, 2, 3))))
    names = [a.name for a in attrs.fields(CurrentStatus)]
    current = CurrentStatus(**{n: _flag(rng, 0.1, 0.1) for n in names})
    return InsolvencyHistory(previous=previous, current=current)


def _residence(rng: random.Random, jurisdiction: Jurisdiction) -> ResidenceFacts:
    where = rng.choice((jurisdiction, jurisdiction, jurisdiction, None, *Jurisdiction))
    return ResidenceFacts(
        jurisdiction=where,
        domiciled=_flag(rng, 0.5),
        ordinarily_resident=_flag(rng, 0.5),
        connected_last_3_years=_flag(rng, 0.5),
        lived_there_last_year=_flag(rng, 0.6),
    )


def _table(rng: random.Random) -> ThresholdTable | None:
    """The shipped table, or (1 case in 8) the table with a random fifth of it missing."""
    if rng.random() < 0.875:
        return None
    records = default_thresholds().records
    return ThresholdTable(tuple(r for r in records if rng.random() > 0.2))


def case(i: int) -> tuple[CaseFacts, ThresholdTable | None]:
    """Case number ``i``: the same facts on every run."""
    rng = random.Random(SEED * 100_003 + i)
    jurisdiction = rng.choice(list(Jurisdiction))
    on_date = rng.choice(DATES)
    creditors = [CreditorId(_uuid(rng)) for _ in range(4)]
    facts = CaseFacts(
        jurisdiction=jurisdiction,
        on_date=on_date,
        debts=tuple(_debt(rng, creditors) for _ in range(rng.choice((0, 1, 2, 2, 3, 4, 6)))),
        budget=_budget(rng),
        assets=_assets(rng),
        insolvency=_insolvency(rng, on_date),
        residence=_residence(rng, jurisdiction),
        benefits_only_months=_maybe(rng, rng.choice((0, 5, 6, 12))),
        unable_to_pay_debts_as_due=_flag(rng, 0.6),
        amhp_evidence=_flag(rng, 0.5),
        receiving_crisis_treatment=_flag(rng, 0.5),
        lump_sum_available=_maybe(rng, Money(rng.choice((0, 100_000)))),
    )
    return facts, _table(rng)


def render(appraisal: Appraisal) -> list[Any]:
    """Everything a reader of the result sees, as plain data."""
    return [
        {
            "solution": o.solution.value,
            "jurisdiction": o.jurisdiction.value,
            "on_date": o.on_date.isoformat(),
            "status": o.status.value,
            "reasons": [
                [
                    r.rule_id,
                    r.finding.value,
                    r.message,
                    r.source,
                    None if r.threshold is None else repr(r.threshold),
                    str(r),
                ]
                for r in o.reasons
            ],
        }
        for o in appraisal.options
    ]


@functools.cache
def _appraisals() -> tuple[Appraisal, ...]:
    return tuple(appraise(*case(i)) for i in range(CASES))


def digest(appraisal: Appraisal) -> str:
    text = json.dumps(render(appraisal), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def rule_findings(appraisals: tuple[Appraisal, ...]) -> list[str]:
    """Each ``"<rule id> <finding>"`` pair that occurs, sorted."""
    return sorted(
        {f"{r.rule_id} {r.finding.value}" for a in appraisals for o in a.options for r in o.reasons}
    )


def test_appraisal_matches_the_snapshot() -> None:
    expected = json.loads(SNAPSHOT.read_text())
    assert expected["seed"] == SEED
    assert len(expected["digests"]) == CASES
    got = [digest(a) for a in _appraisals()]
    changed = [i for i in range(CASES) if got[i] != expected["digests"][i]]
    assert not changed, f"{len(changed)} cases changed, first: {changed[:10]}"


def test_the_cases_reach_every_rule_and_finding() -> None:
    """The generated set is broad: the same rule ids give the same findings somewhere."""
    expected = json.loads(SNAPSHOT.read_text())["rule_findings"]
    assert rule_findings(_appraisals()) == expected


def _write() -> None:  # pragma: no cover - run by hand, see the module docstring
    appraisals = _appraisals()
    data = {
        "seed": SEED,
        "cases": CASES,
        "rule_findings": rule_findings(appraisals),
        "digests": [digest(a) for a in appraisals],
    }
    SNAPSHOT.write_text(json.dumps(data, indent=0) + "\n")


if __name__ == "__main__":  # pragma: no cover
    _write()
