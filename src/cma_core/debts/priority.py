"""Priority classification of debts (UK-DEBT-ADVICE §3).

A debt is a *priority* when non-payment risks the client's home, liberty or essential
goods and services, or the obligation comes from a court order or legislation (FCA
Glossary "priority debt" [V]; CPAG practice [S]). The classification comes from the
debt type alone, through :data:`PRIORITY_TABLE`, then an adviser's recorded override
wins. Rules:

* PRI-CCJ: a county court judgment alone never makes a debt a priority [S: CPAG]; the
  ``ccj`` flag and enforcement stage are looked at only to raise flags for the adviser.
* PRI-BEN: benefit and tax-credit overpayments and Social Fund loans are decided case by
  case; they are *not* priority by default but always flagged for the adviser.
* PRI-HP: hire purchase is a priority when the goods are essential; if that is unknown
  it is treated as priority (the safer error for the client) and flagged.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from cma_core.debts.model import Debt, DebtType, EnforcementStage


class Treatment(enum.StrEnum):
    """What the table says before any adviser override."""

    PRIORITY = "priority"
    NON_PRIORITY = "non_priority"
    CASE_BY_CASE = "case_by_case"
    DEPENDS_ON_GOODS = "depends_on_goods"


#: Each treatment in an adviser's words (the API describes its values with them).
TREATMENT_LABELS: Mapping[Treatment, str] = MappingProxyType(
    {
        Treatment.PRIORITY: "A priority debt: the home, liberty or essential supplies are at risk.",
        Treatment.NON_PRIORITY: "Not a priority debt.",
        Treatment.CASE_BY_CASE: "Priority decided case by case (overpayments), flagged.",
        Treatment.DEPENDS_ON_GOODS: "A priority debt if the goods are essential (hire purchase).",
    }
)


@frozen
class PriorityRule:
    """One row of the §3 table."""

    rule_id: str
    treatment: Treatment
    sanction: str
    source: str


_FCA = "FCA Glossary 'priority debt' [V]; CPAG [S]"
_CPAG = "CPAG; Citizens Advice [S]"


def _rule(rule_id: str, treatment: Treatment, sanction: str, source: str = _FCA) -> PriorityRule:
    return PriorityRule(rule_id, treatment, sanction, source)


_P, _N = Treatment.PRIORITY, Treatment.NON_PRIORITY
_CASE = Treatment.CASE_BY_CASE
_CCJ_ONLY = "county court judgment, then enforcement"

#: §3 table: every DebtType has exactly one row (checked by a unit test).
PRIORITY_TABLE: Mapping[DebtType, PriorityRule] = MappingProxyType(
    {
        DebtType.MORTGAGE: _rule("PRI-T01", _P, "possession of the home"),
        DebtType.SECURED_LOAN: _rule("PRI-T01", _P, "possession of the home"),
        DebtType.RENT: _rule("PRI-T02", _P, "eviction"),
        DebtType.GROUND_RENT_SERVICE_CHARGE: _rule("PRI-T03", _P, "forfeiture of the lease"),
        DebtType.COUNCIL_TAX: _rule(
            "PRI-T04",
            _P,
            "liability order, enforcement agents, deductions, charging order, bankruptcy; "
            "committal to prison in England only (ended in Wales April 2019)",
        ),
        DebtType.GAS: _rule("PRI-T05", _P, "disconnection or a prepayment meter"),
        DebtType.ELECTRICITY: _rule("PRI-T05", _P, "disconnection or a prepayment meter"),
        DebtType.TV_LICENCE: _rule("PRI-T06", _P, "prosecution and fine"),
        DebtType.MAGISTRATES_FINE: _rule(
            "PRI-T07", _P, "enforcement agents, deductions, clamping, imprisonment"
        ),
        DebtType.CHILD_MAINTENANCE: _rule(
            "PRI-T08", _P, "deductions, enforcement agents, committal"
        ),
        DebtType.INCOME_TAX_VAT_NI: _rule(
            "PRI-T09", _P, "enforcement agents, PAYE coding, bankruptcy"
        ),
        DebtType.HIRE_PURCHASE: _rule(
            "PRI-T10", Treatment.DEPENDS_ON_GOODS, "repossession of the goods"
        ),
        DebtType.BENEFIT_OVERPAYMENT: _rule("PRI-T11", _CASE, "deductions", _CPAG),
        DebtType.TAX_CREDIT_OVERPAYMENT: _rule("PRI-T11", _CASE, "deductions", _CPAG),
        DebtType.SOCIAL_FUND_LOAN: _rule("PRI-T11", _CASE, "deductions", _CPAG),
        DebtType.UNIVERSAL_CREDIT_ADVANCE: _rule("PRI-T11", _CASE, "deductions", _CPAG),
        # Domestic water cannot be disconnected (Water Industry Act 1999), so only the
        # county court route remains [S: CPAG].
        DebtType.WATER: _rule("PRI-T12", _N, "county court only; no disconnection", _CPAG),
        DebtType.CREDIT_CARD: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.STORE_CARD: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.CATALOGUE: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.PERSONAL_LOAN: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.PAYDAY_LOAN: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.OVERDRAFT: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.BNPL: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.FAMILY_LOAN: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.PARKING_CHARGE: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        DebtType.MORTGAGE_SHORTFALL: _rule("PRI-T13", _N, _CCJ_ONLY, _CPAG),
        # Student loans are recovered through the tax system or contract, not by
        # threatening home, liberty or essentials [S: CPAG].
        DebtType.STUDENT_LOAN: _rule("PRI-T14", _N, "deductions from earnings", _CPAG),
        DebtType.OTHER: _rule("PRI-T15", _N, "unknown: classify by override", _CPAG),
    }
)


class Basis(enum.StrEnum):
    TABLE = "table"
    OVERRIDE = "override"


# Stages after which a non-priority debt may now threaten the home: worth a second look.
_HOME_THREAT_STAGES = frozenset(
    {EnforcementStage.CHARGING_ORDER, EnforcementStage.STATUTORY_DEMAND}
)


@frozen(kw_only=True)
class PriorityAssessment:
    """Result of :func:`classify`.

    ``needs_adviser_decision`` is true when the table cannot settle the question (case by
    case, or HP goods not known to be essential) and no override has been recorded.
    """

    is_priority: bool
    basis: Basis
    rule_id: str
    treatment: Treatment
    sanction: str
    source: str
    needs_adviser_decision: bool
    flags: tuple[str, ...]
    override_reason: str | None = None


def classify(debt: Debt) -> PriorityAssessment:
    """Classify ``debt`` by the §3 table, then apply any adviser override.

    The ``ccj`` flag never changes the result (PRI-CCJ).
    """
    rule = PRIORITY_TABLE[debt.debt_type]
    flags: list[str] = []
    needs_decision = False
    if rule.treatment is Treatment.PRIORITY:
        is_priority = True
    elif rule.treatment is Treatment.NON_PRIORITY:
        is_priority = False
    elif rule.treatment is Treatment.CASE_BY_CASE:
        # PRI-BEN: deductions from benefit alone do not make it a priority.
        is_priority = False
        needs_decision = True
        flags.append(
            "PRI-BEN: case by case - not priority by default; decide on the recovery route "
            "(deductions alone do not make it a priority)"
        )
    elif debt.hp_goods_essential is None:
        is_priority = True
        needs_decision = True
        flags.append("PRI-HP: missing: whether the HP goods are essential; treated as priority")
    else:
        is_priority = debt.hp_goods_essential

    if not is_priority and debt.ccj:
        flags.append("PRI-CCJ: has a CCJ; a judgment alone does not make a debt a priority")
    if not is_priority and debt.enforcement_stage in _HOME_THREAT_STAGES:
        flags.append(
            f"PRI-ENF: enforcement stage {debt.enforcement_stage} may put the home at risk; "
            "consider an override"
        )
    if debt.debt_type is DebtType.OTHER and debt.priority_override is None:
        needs_decision = True
        flags.append("PRI-T15: type 'other' - classify by override")

    override = debt.priority_override
    if override is not None:
        return PriorityAssessment(
            is_priority=override.is_priority,
            basis=Basis.OVERRIDE,
            rule_id=rule.rule_id,
            treatment=rule.treatment,
            sanction=rule.sanction,
            source=rule.source,
            needs_adviser_decision=False,
            flags=tuple(flags),
            override_reason=override.reason,
        )
    return PriorityAssessment(
        is_priority=is_priority,
        basis=Basis.TABLE,
        rule_id=rule.rule_id,
        treatment=rule.treatment,
        sanction=rule.sanction,
        source=rule.source,
        needs_adviser_decision=needs_decision,
        flags=tuple(flags),
    )


def is_priority(debt: Debt) -> bool:
    """Shortcut for ``classify(debt).is_priority``."""
    return classify(debt).is_priority
