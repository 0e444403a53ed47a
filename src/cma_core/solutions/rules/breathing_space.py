"""Breathing Space (EW, UK-DEBT-ADVICE §2, SI 2020/1311) BS-E0 ... BS-E8, and the mental
health crisis moratorium BS-M0 ... BS-M3 with BS-E1 ... BS-E4 (reg 30(3): no 12-month rule).
"""

from __future__ import annotations

from cma_core.assets.model import ProcedureKind
from cma_core.debts.model import Debt, DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.periods import add_months
from cma_core.reference.thresholds import Param
from cma_core.solutions.model import Solution
from cma_core.solutions.rules.base import (
    FAIL,
    MISSING,
    NOTE,
    PASS,
    Rules,
    RuleSpec,
    note_threshold,
)

#: Breathing Space non-eligible by type: court fines (reg 5(4)) [V]; student loans and UC
#: advances [S: Peterborough FIS].
BS_NON_ELIGIBLE_TYPES: frozenset[DebtType] = frozenset(
    {DebtType.MAGISTRATES_FINE, DebtType.STUDENT_LOAN, DebtType.UNIVERSAL_CREDIT_ADVANCE}
)
#: Reported non-eligible but unverified [U]: adviser judgement.
BS_UNCERTAIN_TYPES: frozenset[DebtType] = frozenset({DebtType.CHILD_MAINTENANCE})

_BSR = "SI 2020/1311 [V]"
_MHCM_SOURCE = "SI 2020/1311 reg 28-30 [V]"


def _eligibility_source(r: Rules) -> str:
    """Standard eligibility is reg 24(3); the MHCM's is reg 30(3) (the same list)."""
    if r.solution is Solution.BREATHING_SPACE:
        return "SI 2020/1311 reg 24(3) [V]"
    return "SI 2020/1311 reg 30(3) [V]"


def _scheme_in_force(r: Rules, rule_id: str, scheme: str) -> None:
    """PASS if the scheme is in force on the facts' date; else FAIL and no later rule applies."""
    in_force = r.find(Param.BS_SCHEME_IN_FORCE)
    if in_force is None:
        r.add(
            rule_id,
            FAIL,
            f"{scheme} was not in force on {r.facts.on_date.isoformat()} (from 2021-05-04)",
            source=_BSR,
        )
        r.stop()
    else:
        r.add(rule_id, PASS, "scheme in force", threshold=in_force)


def bs_e0_in_force(r: Rules) -> None:
    """BS-E0: the scheme is in force (from 2021-05-04) [V: SI 2020/1311]."""
    _scheme_in_force(r, "BS-E0", "the Breathing Space scheme")


def _qualifying(debts: tuple[Debt, ...]) -> tuple[list[Debt], list[str]]:
    """Qualifying debts (reg 5), and the debt types whose eligibility is unsure."""
    qualifying: list[Debt] = []
    unsure: list[str] = []
    for d in debts:
        if d.debt_type in BS_NON_ELIGIBLE_TYPES:
            continue
        if d.debt_type in BS_UNCERTAIN_TYPES:
            unsure.append(d.debt_type.value)
        elif not d.is_secured:
            qualifying.append(d)
        # Secured debt is non-eligible except for its arrears (reg 5(4)(a)).
        elif d.arrears is None:
            unsure.append(f"{d.debt_type.value} (arrears unknown)")
        elif d.arrears.pence > 0:
            qualifying.append(d)
    return qualifying, unsure


def bs_e1_qualifying_debt(r: Rules) -> None:
    """BS-E1: owes a qualifying debt [V: SI 2020/1311 reg 5, reg 24(3) / 30(3)]."""
    qualifying, unsure = _qualifying(r.facts.debts)
    if qualifying:
        r.add(
            "BS-E1",
            PASS,
            f"{len(qualifying)} qualifying debt(s)",
            source=_eligibility_source(r),
        )
    elif unsure:
        r.add("BS-E1", MISSING, "missing: whether these qualify: " + ", ".join(unsure))
    else:
        r.add("BS-E1", FAIL, "no qualifying debt", source="SI 2020/1311 reg 5 [V]")
    r.add(
        "BS-E1",
        NOTE,
        "debts incurred by fraud, confiscation orders and non-eligible business debts do not "
        "qualify (not identifiable from the debt type)",
        source="SI 2020/1311 reg 5(4) [V]",
    )


def bs_e2_residence(r: Rules) -> None:
    """BS-E2: domiciled or ordinarily resident in England and Wales [V: reg 24(3)]."""
    res = r.facts.residence
    src = _eligibility_source(r)
    if res.jurisdiction is not None and res.jurisdiction is not Jurisdiction.EW:
        r.add("BS-E2", FAIL, f"residence recorded for {res.jurisdiction}", source=src)
    elif res.domiciled or res.ordinarily_resident:
        r.add("BS-E2", PASS, "domiciled or ordinarily resident in England and Wales", source=src)
    elif res.domiciled is False and res.ordinarily_resident is False:
        r.add("BS-E2", FAIL, "neither domiciled nor ordinarily resident in EW", source=src)
    else:
        r.add("BS-E2", MISSING, "missing: domicile or ordinary residence in EW", source=src)


def bs_e3_no_procedure(r: Rules) -> None:
    """BS-E3: not in a DRO, IVA or interim order, nor an undischarged bankrupt [V]."""
    cur = r.facts.insolvency.current
    src = _eligibility_source(r)
    for value, what in (
        (cur.in_dro, "in a DRO"),
        (cur.in_iva, "in an IVA"),
        (cur.in_interim_order, "subject to an interim order"),
        (cur.undischarged_bankrupt, "an undischarged bankrupt"),
    ):
        r.flag("BS-E3", value, bad_if_true=what, source=src)


def bs_e4_no_moratorium(r: Rules) -> None:
    """BS-E4: not already in a breathing space or a mental health crisis moratorium [V]."""
    cur = r.facts.insolvency.current
    src = _eligibility_source(r)
    for value, what in (
        (cur.in_breathing_space, "already in a breathing space"),
        (cur.in_mental_health_crisis_moratorium, "already in a mental health crisis moratorium"),
    ):
        r.flag("BS-E4", value, bad_if_true=what, source=src)


def bs_e5_twelve_months(r: Rules) -> None:
    """BS-E5: any previous standard breathing space ended more than 12 months ago [V]."""
    gap = r.figure("BS-E5", Param.BS_REPEAT_GAP_MONTHS)
    hist = r.facts.insolvency
    if gap is None:
        return
    if hist.previous is None:
        r.add("BS-E5", MISSING, "missing: previous breathing spaces", threshold=gap)
        return
    ends = [p.ended_on for p in hist.of_kind(ProcedureKind.BREATHING_SPACE)]
    if any(e is not None and add_months(e, gap.value) >= r.facts.on_date for e in ends):
        r.add(
            "BS-E5",
            FAIL,
            f"a standard breathing space ended {gap.value} months or less ago",
            threshold=gap,
        )
    elif None in ends:
        r.add("BS-E5", MISSING, "missing: end date of a previous breathing space", threshold=gap)
    else:
        r.add(
            "BS-E5",
            PASS,
            f"no standard breathing space ended in the last {gap.value} months",
            threshold=gap,
        )


def bs_e6_unable_to_pay(r: Rules) -> None:
    """BS-E6: unable, or unlikely to be able, to repay debts as they fall due [V: reg
    24(4)(a)].
    """
    cond = r.facts.unable_to_pay_debts_as_due
    src = "SI 2020/1311 reg 24(4)(a) [V]"
    if cond is None:
        r.add(
            "BS-E6",
            MISSING,
            "missing: whether unable (or unlikely to be able) to repay debts as they fall due",
            source=src,
        )
    else:
        r.add(
            "BS-E6",
            PASS if cond else FAIL,
            ("unable" if cond else "able") + " to repay debts as they fall due",
            source=src,
        )


def bs_e7_appropriate(r: Rules) -> None:
    """BS-E7: not appropriate if a solution could start at once [S: Hansard Lords]."""
    r.add(
        "BS-E7",
        NOTE,
        "not appropriate if the client could enter a solution at once or manage without one",
        source="Hansard Lords 6 Oct 2020 [S]",
    )


def bs_e8_advice_and_duties(r: Rules) -> None:
    """BS-E8: advice first (reg 23), no fee (reg 4), keep paying ongoing liabilities (reg 16)."""
    r.add(
        "BS-E8",
        NOTE,
        "advise on suitability, conditions and consequences before applying (reg 23); no fee "
        "(reg 4); the client must keep paying ongoing liabilities (reg 16)",
        source=_BSR,
    )


_ELIGIBILITY: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="BS-E1",
        check=bs_e1_qualifying_debt,
        title="Owes a qualifying debt",
        source="SI 2020/1311 regs 5, 24(3), 30(3) [V]",
    ),
    RuleSpec(
        id="BS-E2",
        check=bs_e2_residence,
        title="Domiciled or ordinarily resident in England and Wales",
        source="SI 2020/1311 regs 24(3), 30(3) [V]",
    ),
    RuleSpec(
        id="BS-E3",
        check=bs_e3_no_procedure,
        title="Not in a DRO, IVA or interim order; not an undischarged bankrupt",
        source="SI 2020/1311 regs 24(3), 30(3) [V]",
    ),
    RuleSpec(
        id="BS-E4",
        check=bs_e4_no_moratorium,
        title="Not already in a breathing space or MHCM",
        source="SI 2020/1311 regs 24(3), 30(3) [V]",
    ),
)

BREATHING_SPACE_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(id="BS-E0", check=bs_e0_in_force, title="Scheme in force", source=_BSR),
    *_ELIGIBILITY,
    RuleSpec(
        id="BS-E5",
        check=bs_e5_twelve_months,
        title="No standard breathing space ended in the last 12 months",
        source="SI 2020/1311 reg 24(3) [V]",
    ),
    RuleSpec(
        id="BS-E6",
        check=bs_e6_unable_to_pay,
        title="Unable to repay debts as they fall due",
        source="SI 2020/1311 reg 24(4)(a) [V]",
    ),
    RuleSpec(
        id="BS-E7",
        check=bs_e7_appropriate,
        title="Appropriate (no solution could start at once)",
        source="Hansard Lords 6 Oct 2020 [S]",
    ),
    RuleSpec(
        id="BS-E8",
        check=bs_e8_advice_and_duties,
        title="Advice first; no fee; ongoing liabilities",
        source="SI 2020/1311 regs 4, 16, 23 [V]",
    ),
)


def bs_m0_in_force(r: Rules) -> None:
    """BS-M0: the scheme is in force (from 2021-05-04) [V: SI 2020/1311]."""
    _scheme_in_force(r, "BS-M0", "the scheme")


def _known(r: Rules, rule_id: str, value: bool | None, what: str) -> None:
    if value is None:
        r.add(rule_id, MISSING, f"missing: {what}", source=_MHCM_SOURCE)
    else:
        r.add(
            rule_id, PASS if value else FAIL, ("" if value else "no ") + what, source=_MHCM_SOURCE
        )


def bs_m1_amhp_evidence(r: Rules) -> None:
    """BS-M1: evidence from an Approved Mental Health Professional [V: reg 28-30]."""
    what = "evidence from an Approved Mental Health Professional"
    _known(r, "BS-M1", r.facts.amhp_evidence, what)


def bs_m2_crisis_treatment(r: Rules) -> None:
    """BS-M2: receiving mental health crisis treatment [V: reg 28(2)]."""
    _known(
        r, "BS-M2", r.facts.receiving_crisis_treatment, "receiving mental health crisis treatment"
    )


def bs_m3_duration(r: Rules) -> None:
    """BS-M3: lasts for the treatment plus 30 days; credit report (reg 30(1)); a nominated
    point of contact [S: Shelter].
    """
    note_threshold(
        r,
        "BS-M3",
        Param.BS_MHCM_AFTER_TREATMENT_DAYS,
        lambda extra: (
            f"lasts for the crisis treatment plus {extra.value} days; obtain a credit "
            "reference report (reg 30(1)); a nominated point of contact is required"
        ),
    )


MHCM_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(id="BS-M0", check=bs_m0_in_force, title="Scheme in force", source=_BSR),
    RuleSpec(
        id="BS-M1",
        check=bs_m1_amhp_evidence,
        title="AMHP evidence",
        source=_MHCM_SOURCE,
    ),
    RuleSpec(
        id="BS-M2",
        check=bs_m2_crisis_treatment,
        title="Receiving crisis treatment",
        source=_MHCM_SOURCE,
    ),
    *_ELIGIBILITY,
    RuleSpec(
        id="BS-M3",
        check=bs_m3_duration,
        title="Length, credit report, point of contact",
        source="SI 2020/1311 reg 30(1) [V]; Shelter [S]",
    ),
)
