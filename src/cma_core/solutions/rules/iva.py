"""IVA (UK-DEBT-ADVICE §1.5: market norms, not law, so a miss is adviser judgement)
IVA-E1 ... IVA-E6, and the Scottish trust deed TD-E1, TD-E2 (our ids).
"""

from __future__ import annotations

from cma_core.debts.model import Debt
from cma_core.reference.thresholds import Param, Threshold
from cma_core.solutions.rules.base import (
    JUDGEMENT,
    MISSING,
    PASS,
    Rules,
    RuleSpec,
    note_threshold,
    total,
)

#: Said in every IVA-E2 ... IVA-E5 message: these are norms, not law.
_NORM = "market norm, not law"
_NDL = "NDL rule of thumb [S]"


def _against_norm(
    r: Rules, rule_id: str, ok: bool, said: str, norm: Threshold, at_least: int | str
) -> None:
    """PASS when the norm is met, else adviser JUDGEMENT: ``"{said} (norm: at least ...)"``."""
    r.add(
        rule_id,
        PASS if ok else JUDGEMENT,
        f"{said} (norm: at least {at_least}; {_NORM})",
        threshold=norm,
    )


def _unsecured(r: Rules) -> list[Debt]:
    return [d for d in r.facts.debts if not d.is_secured]


def iva_e1_not_in_iva(r: Rules) -> None:
    """IVA-E1: not already in an IVA (IA 1986 Part VIII); a bankrupt would need annulment."""
    cur = r.facts.insolvency.current
    r.flag(
        "IVA-E1",
        cur.in_iva,
        bad_if_true="already in an IVA",
        source="IA 1986 Part VIII",
    )
    if cur.undischarged_bankrupt:
        r.add("IVA-E1", JUDGEMENT, "undischarged bankrupt: an IVA would need to annul it")


def iva_e2_debts(r: Rules) -> None:
    """IVA-E2: at least 3 unsecured debts [S: NDL rule of thumb]."""
    unsecured = _unsecured(r)
    n_debts = r.figure("IVA-E2", Param.IVA_MIN_DEBTS)
    if n_debts is not None:
        ok = len(unsecured) >= n_debts.value
        _against_norm(r, "IVA-E2", ok, f"{len(unsecured)} unsecured debts", n_debts, n_debts.value)


def iva_e3_total(r: Rules) -> None:
    """IVA-E3: unsecured debts of at least £10,000 [S: NDL rule of thumb]."""
    debts = total(_unsecured(r))
    min_total = r.figure("IVA-E3", Param.IVA_MIN_TOTAL_DEBT)
    if min_total is not None:
        ok = debts.pence >= min_total.value
        shown = min_total.display_value()
        _against_norm(r, "IVA-E3", ok, f"unsecured debts {debts}", min_total, shown)


def iva_e4_creditors(r: Rules) -> None:
    """IVA-E4: at least 2 creditors [S: NDL rule of thumb]."""
    min_creditors = r.figure("IVA-E4", Param.IVA_MIN_CREDITORS)
    if min_creditors is None:
        return
    ids = {d.creditor_id for d in _unsecured(r)}
    if None in ids:
        r.add("IVA-E4", MISSING, "missing: creditor of every debt", threshold=min_creditors)
        return
    ok = len(ids) >= min_creditors.value
    _against_norm(r, "IVA-E4", ok, f"{len(ids)} creditors", min_creditors, min_creditors.value)


def iva_e5_dividend(r: Rules) -> None:
    """IVA-E5: at least 10p in the £ repayable over the typical term [S: NDL]; regular
    sustainable income or a lump sum [V: IVA Protocol 2021].
    """
    dividend = r.figure("IVA-E5", Param.IVA_MIN_DIVIDEND)
    term = r.figure("IVA-E5", Param.IVA_TYPICAL_TERM_MONTHS)
    if dividend is None or term is None:
        return
    budget = r.budget("IVA-E5")
    if budget is None:
        return
    monthly = budget.available_for_non_priority
    debts = total(_unsecured(r))
    if monthly.pence <= 0:
        r.add(
            "IVA-E5",
            JUDGEMENT,
            f"nothing available for unsecured creditors ({monthly}); an IVA needs "
            "regular sustainable income or a lump sum",
            threshold=dividend,
        )
    elif debts.pence > 0:
        # Gross pence in the pound over the typical term, before IVA fees (which lower
        # it): a screen, not a forecast.
        pence_in_pound = monthly.pence * term.value * 100 // debts.pence
        ok = pence_in_pound >= dividend.value
        said = f"about {pence_in_pound}p in the pound over {term.value} months before fees"
        _against_norm(r, "IVA-E5", ok, said, dividend, dividend.display_value())


def iva_e6_approval(r: Rules) -> None:
    """IVA-E6: approval by 75% by value of creditors voting [S]."""
    note_threshold(
        r,
        "IVA-E6",
        Param.IVA_APPROVAL_PERCENT_BY_VALUE,
        lambda approval: f"needs approval by {approval.value}% by value of creditors voting",
    )


IVA_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="IVA-E1",
        check=iva_e1_not_in_iva,
        title="Not already in an IVA",
        source="IA 1986 Part VIII",
    ),
    RuleSpec(id="IVA-E2", check=iva_e2_debts, title="At least 3 debts", source=_NDL),
    RuleSpec(id="IVA-E3", check=iva_e3_total, title="Debts of at least £10,000", source=_NDL),
    RuleSpec(id="IVA-E4", check=iva_e4_creditors, title="At least 2 creditors", source=_NDL),
    RuleSpec(
        id="IVA-E5",
        check=iva_e5_dividend,
        title="At least 10p in the £ over the typical term",
        source=f"{_NDL}; IVA Protocol 2021 [V]",
    ),
    RuleSpec(
        id="IVA-E6",
        check=iva_e6_approval,
        title="75% by value of creditors voting",
        source="UK-DEBT-ADVICE 1.5 [S]",
    ),
)


def td_e1_not_in_procedure(r: Rules) -> None:
    """TD-E1: not sequestrated, in a MAP or already in a trust deed [U]."""
    cur = r.facts.insolvency.current
    r.flag(
        "TD-E1",
        cur.in_map_or_sequestration,
        bad_if_true="sequestrated or in a MAP",
        source="[U]",
    )
    r.flag(
        "TD-E1",
        cur.in_trust_deed,
        bad_if_true="already in a trust deed",
        source="[U]",
    )


def td_e2_criteria(r: Rules) -> None:
    """TD-E2: protected trust deed criteria are not in the reference [U]."""
    r.add(
        "TD-E2",
        JUDGEMENT,
        "protected trust deed criteria are not in the reference data [U]; assess manually",
    )


TRUST_DEED_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="TD-E1",
        check=td_e1_not_in_procedure,
        title="Not sequestrated, in a MAP or in a trust deed",
        source="[U]",
    ),
    RuleSpec(
        id="TD-E2",
        check=td_e2_criteria,
        title="Protected trust deed criteria (adviser)",
        source="[U]",
    ),
)
