"""Builders for appraisal tests: a DRO-eligible EW client, adjusted per test."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import attrs

from cma_core.assets.model import (
    AssetSchedule,
    CurrentStatus,
    InsolvencyHistory,
    ResidenceFacts,
)
from cma_core.budgets.model import BudgetSummary
from cma_core.debts.model import CreditorId, Debt, DebtId, DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_core.solutions.model import CaseFacts, Finding, OptionResult

CENTRE = CentreId(uuid.UUID(int=1))
CASE = CaseId(uuid.UUID(int=2))


def debt(debt_type: DebtType = DebtType.CREDIT_CARD, pence: int = 100_000, **kw: Any) -> Debt:
    kw.setdefault("creditor_id", CreditorId(uuid.uuid4()))
    kw.setdefault("ccj", False)
    return Debt(
        id=DebtId(uuid.uuid4()),
        centre_id=CENTRE,
        case_id=CASE,
        debt_type=debt_type,
        balance=Money(pence),
        **kw,
    )


def summary(surplus: int = 0, priority_offers: int = 0) -> BudgetSummary:
    """A budget summary whose income - outgoings is ``surplus`` pence."""
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
        total_priority_offers=Money(priority_offers),
        available_for_non_priority=Money(surplus - priority_offers),
    )


CLEAR = CurrentStatus(
    undischarged_bankrupt=False,
    in_iva=False,
    in_interim_order=False,
    in_dro=False,
    in_trust_deed=False,
    in_map_or_sequestration=False,
    pending_debtor_petition=False,
    pending_creditor_petition=False,
    bro_or_bru=False,
    drro_or_drru=False,
    in_breathing_space=False,
    in_mental_health_crisis_moratorium=False,
)


def facts(**kw: Any) -> CaseFacts:
    """EW client, all facts known and DRO-eligible on 2025-01-15 unless overridden."""
    base: dict[str, Any] = {
        "jurisdiction": Jurisdiction.EW,
        "on_date": dt.date(2025, 1, 15),
        "debts": (debt(pence=1_000_000), debt(pence=500_000)),
        "budget": summary(surplus=0),
        "assets": AssetSchedule(
            owns_property=False, vehicles=(), savings_and_cash=Money(0), other_assets=()
        ),
        "insolvency": InsolvencyHistory(previous=(), current=CLEAR),
        "residence": ResidenceFacts(
            jurisdiction=Jurisdiction.EW,
            domiciled=True,
            ordinarily_resident=True,
            connected_last_3_years=True,
            lived_there_last_year=True,
        ),
        "unable_to_pay_debts_as_due": True,
    }
    base.update(kw)
    return CaseFacts(**base)


def evolve_current(f: CaseFacts, **kw: Any) -> CaseFacts:
    current = attrs.evolve(f.insolvency.current, **kw)
    return attrs.evolve(f, insolvency=attrs.evolve(f.insolvency, current=current))


def findings(result: OptionResult, rule_id: str) -> set[Finding]:
    return {r.finding for r in result.reasons_for(rule_id)}
