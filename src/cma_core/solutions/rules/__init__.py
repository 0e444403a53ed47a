"""Eligibility rules for each debt solution, and :func:`appraise` which runs them all.

Rule ids and sources (UK-DEBT-ADVICE.md; our own ids where the document has none):

* DRO (EW, and NI with the NI figures): DRO-E1 ... DRO-E8 exactly as in §1.1.
* MAP (Scotland, §1.3 [V: AIB]): MAP-E1 debt limit (student loans excluded), MAP-E2
  minimum debt, MAP-E3 assets, MAP-E4 no land or property, MAP-E5 income test, MAP-E6
  certificate for sequestration, MAP-E7 residence, MAP-E8 previous bankruptcy/MAP,
  MAP-E9 current procedures.
* Bankruptcy (EW/NI, §1.4) BR-E1 ... BR-E5; sequestration (Scotland) SEQ-E1 ... SEQ-E4.
* IVA (§1.5, market norms, not law, so a miss is adviser judgement): IVA-E1 ... IVA-E6;
  trust deed (Scotland) TD-E1, TD-E2.
* DMP (§1.6) DMP-E1 ... DMP-E4; administration order (EW, §1.6) AO-E1 ... AO-E4.
* Breathing Space (EW, §2, SI 2020/1311) BS-E0 ... BS-E8; mental health crisis
  moratorium BS-M0 ... BS-M3 plus BS-E1 ... BS-E4 (reg 30(3): no 12-month rule).
* Token payments TOK-E1 ... TOK-E3; full and final settlement FFS-E1 ... FFS-E3; write-off
  request WO-E1, WO-E2; no solution needed NS-E1 ... NS-E3.

Every figure comes from the threshold table for the jurisdiction and date. A figure the
table does not hold, or a fact that is ``None``, gives a ``MISSING`` reason (adviser
judgement) - the rules never guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from cma_core.assets.model import PastProcedure, ProcedureKind
from cma_core.debts.model import Debt, DebtType
from cma_core.debts.priority import classify
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.periods import add_months, add_years
from cma_core.reference.thresholds import Param, ThresholdTable, default_thresholds
from cma_core.shared.money import Money
from cma_core.solutions.model import (
    SOLUTIONS_BY_JURISDICTION,
    Appraisal,
    CaseFacts,
    Finding,
    OptionResult,
    Solution,
)
from cma_core.solutions.rules.base import Rules, RuleSpec
from cma_core.solutions.rules.dro import DRO_RULES
from cma_core.solutions.rules.map import MAP_RULES

PASS, FAIL, MISSING, JUDGEMENT, NOTE = (
    Finding.PASS,
    Finding.FAIL,
    Finding.MISSING,
    Finding.JUDGEMENT,
    Finding.NOTE,
)

#: Breathing Space non-eligible by type: court fines (reg 5(4)) [V]; student loans and UC
#: advances [S: Peterborough FIS].
BS_NON_ELIGIBLE_TYPES: frozenset[DebtType] = frozenset(
    {DebtType.MAGISTRATES_FINE, DebtType.STUDENT_LOAN, DebtType.UNIVERSAL_CREDIT_ADVANCE}
)
#: Reported non-eligible but unverified [U]: adviser judgement.
BS_UNCERTAIN_TYPES: frozenset[DebtType] = frozenset({DebtType.CHILD_MAINTENANCE})


def _run(rules: tuple[RuleSpec, ...], r: Rules) -> OptionResult:
    for spec in rules:
        spec.check(r)
    return r.result()


def _total(debts: Iterable[Debt]) -> Money:
    return Money(sum(d.balance.pence for d in debts))


def _within_years(proc: PastProcedure, years: int, on_date: dt.date) -> bool | None:
    """Whether ``proc`` started less than ``years`` years before ``on_date``."""
    if proc.started_on is None:
        return None
    return add_years(proc.started_on, years) > on_date


def _non_priority(debts: Iterable[Debt]) -> list[Debt]:
    return [d for d in debts if not d.is_secured and not classify(d).is_priority]


def _require_budget(r: Rules, rule_id: str) -> bool:
    if r.facts.budget is None:
        r.add(rule_id, MISSING, "missing: budget (SFS)")
        return False
    return True


# -- Bankruptcy / sequestration ------------------------------------------------------------


def _bankruptcy(r: Rules) -> OptionResult:
    f = r.facts
    cur = f.insolvency.current
    r.flag(
        "BR-E1",
        cur.undischarged_bankrupt,
        bad_if_true="already an undischarged bankrupt",
        missing="whether already an undischarged bankrupt",
        source="IA 1986",
    )
    res = f.residence
    if f.jurisdiction is Jurisdiction.EW:
        if res.domiciled or res.connected_last_3_years or res.ordinarily_resident:
            r.add("BR-E2", PASS, "connection with England and Wales", source="IA 1986 s263I [U]")
        elif res.domiciled is False and res.connected_last_3_years is False:
            r.add(
                "BR-E2",
                FAIL,
                "no domicile or recent connection with England and Wales",
                source="IA 1986 s263I [U]",
            )
        else:
            r.add(
                "BR-E2",
                MISSING,
                "missing: domicile or connection with England and Wales",
                source="IA 1986 s263I [U]",
            )
        for param in (Param.BANKRUPTCY_DEBTOR_FEE, Param.BANKRUPTCY_DEBTOR_DEPOSIT):
            rec = r.figure("BR-E3", param)
            if rec is not None:
                r.add(
                    "BR-E3",
                    NOTE,
                    f"{param}: {rec.display_value()}; must be paid in full (instalments "
                    "allowed) before the online application is submitted",
                    threshold=rec,
                )
    else:
        r.add("BR-E2", JUDGEMENT, "NI residence test is not in the reference [U]")
        rec = r.figure("BR-E3", Param.BANKRUPTCY_DEBTOR_DEPOSIT)
        if rec is not None:
            r.add(
                "BR-E3",
                NOTE,
                f"deposit {rec.display_value()} plus a court fee (sources conflict: 115-155 "
                "pounds) [U]",
                threshold=rec,
            )
    if f.assets.is_homeowner:
        r.add("BR-E4", NOTE, "owns property: the home or its equity is at risk")
    elif f.assets.is_homeowner is None:
        r.add("BR-E4", NOTE, "check whether the client owns property (risk to the home)")
    if f.budget is not None and f.budget.income_minus_outgoings.pence > 0:
        r.add(
            "BR-E5",
            NOTE,
            f"monthly surplus {f.budget.income_minus_outgoings}: an income payments "
            "arrangement is likely",
        )
    if cur.in_dro:
        r.add("BR-E1", JUDGEMENT, "currently in a DRO: check the interaction with the DRO")
    return r.result()


def _sequestration(r: Rules) -> OptionResult:
    f = r.facts
    cur = f.insolvency.current
    r.flag(
        "SEQ-E1",
        cur.in_map_or_sequestration,
        bad_if_true="already sequestrated or in a MAP",
        missing="whether already sequestrated or in a MAP",
        source="AIB [V]",
    )
    fee = r.figure("SEQ-E2", Param.SEQUESTRATION_FULL_ADMIN_FEE)
    if fee is not None:
        r.add("SEQ-E2", NOTE, f"full administration fee {fee.display_value()}", threshold=fee)
    r.add(
        "SEQ-E3",
        NOTE,
        "route: MAP if its tests are met, otherwise full administration; needs a Certificate "
        "for Sequestration or apparent insolvency (detail not in the reference)",
        source="AIB [V]",
    )
    lived = f.residence.lived_there_last_year
    if lived is None:
        r.add("SEQ-E4", MISSING, "missing: connection with Scotland in the last year [U]")
    else:
        r.add(
            "SEQ-E4",
            PASS if lived else FAIL,
            ("lived" if lived else "did not live") + " in Scotland in the last year [U]",
        )
    if f.assets.is_homeowner:
        r.add("SEQ-E5", NOTE, "owns property: the home or its equity is at risk")
    return r.result()


# -- IVA / trust deed -------------------------------------------------------------------------


def _iva(r: Rules) -> OptionResult:
    f = r.facts
    cur = f.insolvency.current
    r.flag(
        "IVA-E1",
        cur.in_iva,
        bad_if_true="already in an IVA",
        missing="whether already in an IVA",
        source="IA 1986 Part VIII",
    )
    if cur.undischarged_bankrupt:
        r.add("IVA-E1", JUDGEMENT, "undischarged bankrupt: an IVA would need to annul it")
    unsecured = [d for d in f.debts if not d.is_secured]
    total = _total(unsecured)
    src = "market norm, not law"
    n_debts = r.figure("IVA-E2", Param.IVA_MIN_DEBTS)
    if n_debts is not None:
        ok = len(unsecured) >= n_debts.value
        r.add(
            "IVA-E2",
            PASS if ok else JUDGEMENT,
            f"{len(unsecured)} unsecured debts (norm: at least {n_debts.value}; {src})",
            threshold=n_debts,
        )
    min_total = r.figure("IVA-E3", Param.IVA_MIN_TOTAL_DEBT)
    if min_total is not None:
        ok = total.pence >= min_total.value
        r.add(
            "IVA-E3",
            PASS if ok else JUDGEMENT,
            f"unsecured debts {total} (norm: at least {min_total.display_value()}; {src})",
            threshold=min_total,
        )
    min_creditors = r.figure("IVA-E4", Param.IVA_MIN_CREDITORS)
    if min_creditors is not None:
        ids = {d.creditor_id for d in unsecured}
        if None in ids:
            r.add("IVA-E4", MISSING, "missing: creditor of every debt", threshold=min_creditors)
        else:
            ok = len(ids) >= min_creditors.value
            r.add(
                "IVA-E4",
                PASS if ok else JUDGEMENT,
                f"{len(ids)} creditors (norm: at least {min_creditors.value}; {src})",
                threshold=min_creditors,
            )
    dividend = r.figure("IVA-E5", Param.IVA_MIN_DIVIDEND)
    term = r.figure("IVA-E5", Param.IVA_TYPICAL_TERM_MONTHS)
    if dividend is not None and term is not None and _require_budget(r, "IVA-E5"):
        assert f.budget is not None  # checked by _require_budget; narrows for mypy
        monthly = f.budget.available_for_non_priority
        if monthly.pence <= 0:
            r.add(
                "IVA-E5",
                JUDGEMENT,
                f"nothing available for unsecured creditors ({monthly}); an IVA needs "
                "regular sustainable income or a lump sum",
                threshold=dividend,
            )
        elif total.pence > 0:
            # Gross pence in the pound over the typical term, before IVA fees (which
            # lower it): a screen, not a forecast.
            pence_in_pound = monthly.pence * term.value * 100 // total.pence
            ok = pence_in_pound >= dividend.value
            r.add(
                "IVA-E5",
                PASS if ok else JUDGEMENT,
                f"about {pence_in_pound}p in the pound over {term.value} months before fees "
                f"(norm: at least {dividend.display_value()}; {src})",
                threshold=dividend,
            )
    approval = r.table.find(f.jurisdiction, Param.IVA_APPROVAL_PERCENT_BY_VALUE, f.on_date)
    if approval is not None:
        r.add(
            "IVA-E6",
            NOTE,
            f"needs approval by {approval.value}% by value of creditors voting",
            threshold=approval,
        )
    return r.result()


def _trust_deed(r: Rules) -> OptionResult:
    cur = r.facts.insolvency.current
    r.flag(
        "TD-E1",
        cur.in_map_or_sequestration,
        bad_if_true="sequestrated or in a MAP",
        missing="whether sequestrated or in a MAP",
        source="[U]",
    )
    r.flag(
        "TD-E1",
        cur.in_trust_deed,
        bad_if_true="already in a trust deed",
        missing="whether already in a trust deed",
        source="[U]",
    )
    r.add(
        "TD-E2",
        JUDGEMENT,
        "protected trust deed criteria are not in the reference data [U]; assess manually",
    )
    return r.result()


# -- Informal options -----------------------------------------------------------------------


def _dmp(r: Rules) -> OptionResult:
    f = r.facts
    nonprio = _non_priority(f.debts)
    if not nonprio:
        r.add("DMP-E1", FAIL, "no unsecured non-priority debts", source="UK-DEBT-ADVICE 1.6 [V]")
    else:
        r.add("DMP-E1", PASS, f"{len(nonprio)} unsecured non-priority debts")
    undecided = [d for d in f.debts if classify(d).needs_adviser_decision]
    if undecided:
        r.add(
            "DMP-E3",
            JUDGEMENT,
            f"{len(undecided)} debt(s) need a priority decision before a DMP can be set",
            source="CPAG [S]",
        )
    if _require_budget(r, "DMP-E2"):
        assert f.budget is not None  # checked by _require_budget; narrows for mypy
        available = f.budget.available_for_non_priority
        if available.pence <= 0:
            r.add(
                "DMP-E2",
                FAIL,
                f"nothing available for non-priority creditors ({available}); "
                "consider token payments",
            )
        else:
            r.add("DMP-E2", PASS, f"{available} a month for non-priority creditors")
            total = _total(nonprio)
            if total.pence > 0:
                months = -(-total.pence // available.pence)
                r.add(
                    "DMP-E4",
                    NOTE,
                    f"expected term about {months} months at {available} a month, if "
                    "interest and charges are frozen",
                    source="CONC 8.2.2G(2) [V]",
                )
    r.add(
        "DMP-NOTE",
        NOTE,
        "creditors can refuse; fee-charging firms must signpost free advice (CONC 8.2.4R); "
        "review regularly",
        source="UK-DEBT-ADVICE 1.6 [V]",
    )
    if f.jurisdiction is Jurisdiction.SCO:
        r.add("DMP-NOTE", NOTE, "consider the Debt Arrangement Scheme (not modelled here)")
    return r.result()


def _administration_order(r: Rules) -> OptionResult:
    f = r.facts
    src = "gov.uk N92 [V]"
    limit = r.figure("AO-E1", Param.AO_MAX_TOTAL_DEBT)
    total = _total(f.debts)
    if limit is not None:
        ok = total.pence < limit.value
        r.add(
            "AO-E1",
            PASS if ok else FAIL,
            f"total debts {total} {'below' if ok else 'not below'} {limit.display_value()} "
            "(including interest and charges)",
            threshold=limit,
        )
    judgments = r.figure("AO-E2", Param.AO_MIN_JUDGMENTS)
    if judgments is not None:
        n = sum(1 for d in f.debts if d.ccj)
        if n >= judgments.value:
            r.add("AO-E2", PASS, f"{n} county or High Court judgment(s)", threshold=judgments)
        elif any(d.ccj is None for d in f.debts):
            r.add("AO-E2", MISSING, "missing: whether debts have judgments", threshold=judgments)
        else:
            r.add("AO-E2", FAIL, "no county or High Court judgment", threshold=judgments)
    creditors = r.figure("AO-E3", Param.AO_MIN_CREDITORS)
    if creditors is not None:
        ids = {d.creditor_id for d in f.debts if d.creditor_id is not None}
        unknown = any(d.creditor_id is None for d in f.debts)
        if len(ids) >= creditors.value:
            r.add("AO-E3", PASS, f"{len(ids)} creditors", threshold=creditors)
        elif unknown:
            r.add("AO-E3", MISSING, "missing: creditor of every debt", threshold=creditors)
        else:
            r.add("AO-E3", FAIL, f"only {len(ids)} creditor(s)", threshold=creditors)
    fee = r.table.find(f.jurisdiction, Param.AO_COURT_FEE, f.on_date)
    if fee is not None:
        r.add(
            "AO-E4",
            NOTE,
            f"court fee {fee.display_value()}; creditors may object within 16 days; on the "
            "Register for 6 years; a composition order usually runs about 3 years",
            threshold=fee,
        )
    r.add("AO-E4", NOTE, "apply to the county court on form N92", source=src)
    return r.result()


def _bs_common(r: Rules, prefix: str) -> None:
    """Breathing Space eligibility shared by standard and MHCM (reg 24(3), reg 30(3))."""
    f = r.facts
    bsr = "SI 2020/1311 reg 24(3) [V]" if prefix == "BS" else "SI 2020/1311 reg 30(3) [V]"
    qualifying: list[Debt] = []
    unsure: list[str] = []
    for d in f.debts:
        if d.debt_type in BS_NON_ELIGIBLE_TYPES:
            continue
        if d.debt_type in BS_UNCERTAIN_TYPES:
            unsure.append(d.debt_type.value)
            continue
        if d.is_secured:
            # Secured debt is non-eligible except for its arrears (reg 5(4)(a)).
            if d.arrears is None:
                unsure.append(f"{d.debt_type.value} (arrears unknown)")
            elif d.arrears.pence > 0:
                qualifying.append(d)
            continue
        qualifying.append(d)
    if qualifying:
        r.add("BS-E1", PASS, f"{len(qualifying)} qualifying debt(s)", source=bsr)
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
    res = f.residence
    if res.jurisdiction is not None and res.jurisdiction is not Jurisdiction.EW:
        r.add("BS-E2", FAIL, f"residence recorded for {res.jurisdiction}", source=bsr)
    elif res.domiciled or res.ordinarily_resident:
        r.add("BS-E2", PASS, "domiciled or ordinarily resident in England and Wales", source=bsr)
    elif res.domiciled is False and res.ordinarily_resident is False:
        r.add("BS-E2", FAIL, "neither domiciled nor ordinarily resident in EW", source=bsr)
    else:
        r.add("BS-E2", MISSING, "missing: domicile or ordinary residence in EW", source=bsr)
    cur = f.insolvency.current
    for value, what in (
        (cur.in_dro, "in a DRO"),
        (cur.in_iva, "in an IVA"),
        (cur.in_interim_order, "subject to an interim order"),
        (cur.undischarged_bankrupt, "an undischarged bankrupt"),
    ):
        r.flag("BS-E3", value, bad_if_true=what, missing=f"whether {what}", source=bsr)
    for value, what in (
        (cur.in_breathing_space, "already in a breathing space"),
        (cur.in_mental_health_crisis_moratorium, "already in a mental health crisis moratorium"),
    ):
        r.flag("BS-E4", value, bad_if_true=what, missing=f"whether {what}", source=bsr)


def _breathing_space(r: Rules) -> OptionResult:
    f = r.facts
    in_force = r.table.find(f.jurisdiction, Param.BS_SCHEME_IN_FORCE, f.on_date)
    if in_force is None:
        r.add(
            "BS-E0",
            FAIL,
            f"the Breathing Space scheme was not in force on {f.on_date.isoformat()} "
            "(from 2021-05-04)",
            source="SI 2020/1311 [V]",
        )
        return r.result()
    r.add("BS-E0", PASS, "scheme in force", threshold=in_force)
    _bs_common(r, "BS")
    gap = r.figure("BS-E5", Param.BS_REPEAT_GAP_MONTHS)
    hist = f.insolvency
    if gap is not None:
        if hist.previous is None:
            r.add("BS-E5", MISSING, "missing: previous breathing spaces", threshold=gap)
        else:
            previous = hist.of_kind(ProcedureKind.BREATHING_SPACE)
            ends = [p.ended_on for p in previous]
            if any(e is not None and add_months(e, gap.value) >= f.on_date for e in ends):
                r.add(
                    "BS-E5",
                    FAIL,
                    f"a standard breathing space ended {gap.value} months or less ago",
                    threshold=gap,
                )
            elif None in ends:
                r.add(
                    "BS-E5",
                    MISSING,
                    "missing: end date of a previous breathing space",
                    threshold=gap,
                )
            else:
                r.add(
                    "BS-E5",
                    PASS,
                    f"no standard breathing space ended in the last {gap.value} months",
                    threshold=gap,
                )
    cond = f.unable_to_pay_debts_as_due
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
    r.add(
        "BS-E7",
        NOTE,
        "not appropriate if the client could enter a solution at once or manage without one",
        source="Hansard Lords 6 Oct 2020 [S]",
    )
    r.add(
        "BS-E8",
        NOTE,
        "advise on suitability, conditions and consequences before applying (reg 23); no fee "
        "(reg 4); the client must keep paying ongoing liabilities (reg 16)",
        source="SI 2020/1311 [V]",
    )
    return r.result()


def _mhcm(r: Rules) -> OptionResult:
    f = r.facts
    in_force = r.table.find(f.jurisdiction, Param.BS_SCHEME_IN_FORCE, f.on_date)
    if in_force is None:
        r.add(
            "BS-M0",
            FAIL,
            f"the scheme was not in force on {f.on_date.isoformat()} (from 2021-05-04)",
            source="SI 2020/1311 [V]",
        )
        return r.result()
    r.add("BS-M0", PASS, "scheme in force", threshold=in_force)
    src = "SI 2020/1311 reg 28-30 [V]"
    for rule_id, value, what in (
        ("BS-M1", f.amhp_evidence, "evidence from an Approved Mental Health Professional"),
        ("BS-M2", f.receiving_crisis_treatment, "receiving mental health crisis treatment"),
    ):
        if value is None:
            r.add(rule_id, MISSING, f"missing: {what}", source=src)
        else:
            r.add(rule_id, PASS if value else FAIL, ("" if value else "no ") + what, source=src)
    _bs_common(r, "BS-M")
    extra = r.table.find(f.jurisdiction, Param.BS_MHCM_AFTER_TREATMENT_DAYS, f.on_date)
    if extra is not None:
        r.add(
            "BS-M3",
            NOTE,
            f"lasts for the crisis treatment plus {extra.value} days; obtain a credit reference "
            "report (reg 30(1)); a nominated point of contact is required",
            threshold=extra,
        )
    return r.result()


def _token(r: Rules) -> OptionResult:
    f = r.facts
    nonprio = _non_priority(f.debts)
    if not nonprio:
        r.add("TOK-E1", FAIL, "no non-priority debts")
    else:
        r.add("TOK-E1", PASS, f"{len(nonprio)} non-priority debts")
    if _require_budget(r, "TOK-E2"):
        assert f.budget is not None  # checked by _require_budget; narrows for mypy
        available = f.budget.available_for_non_priority
        if available.pence <= 0:
            r.add("TOK-E2", PASS, f"nothing available for non-priority creditors ({available})")
        else:
            r.add(
                "TOK-E2",
                JUDGEMENT,
                f"{available} a month is available: pro-rata offers are expected unless the "
                "adviser judges it too low",
            )
    token = r.figure("TOK-E3", Param.TOKEN_PER_CREDITOR_MONTHLY)
    if token is not None:
        r.add(
            "TOK-E3",
            NOTE,
            f"offer {token.display_value()} a month per creditor and review",
            threshold=token,
        )
    return r.result()


def _full_and_final(r: Rules) -> OptionResult:
    f = r.facts
    if not f.debts:
        r.add("FFS-E1", FAIL, "no debts to settle")
    lump = f.lump_sum_available
    if lump is None:
        r.add("FFS-E2", MISSING, "missing: lump sum available for settlement")
    elif lump.pence == 0:
        r.add("FFS-E2", FAIL, "no lump sum available")
    else:
        r.add("FFS-E2", PASS, f"lump sum {lump} available")
    r.add(
        "FFS-E3",
        NOTE,
        "split the lump sum pro rata; get each creditor's written acceptance before paying (CR-19)",
        source="StepChange; NDL [S]",
    )
    return r.result()


def _write_off(r: Rules) -> OptionResult:
    f = r.facts
    r.add(
        "WO-E1",
        JUDGEMENT,
        "write-off is at the creditor's discretion; there is no statutory test",
        source="CPAG [S]",
    )
    if f.budget is not None and f.budget.available_for_non_priority.pence > 0:
        r.add(
            "WO-E2",
            NOTE,
            f"{f.budget.available_for_non_priority} a month is available: creditors are "
            "unlikely to write off",
        )
    return r.result()


def _no_solution(r: Rules) -> OptionResult:
    f = r.facts
    if not f.debts:
        r.add("NS-E1", PASS, "no debts recorded")
        return r.result()
    if _require_budget(r, "NS-E1"):
        assert f.budget is not None  # checked by _require_budget; narrows for mypy
        nonprio = _non_priority(f.debts)
        unknown = [d for d in nonprio if d.contractual_payment is None]
        due = Money(sum(d.contractual_payment.pence for d in nonprio if d.contractual_payment))
        available = f.budget.available_for_non_priority
        if due.pence > available.pence:
            r.add(
                "NS-E1",
                FAIL,
                f"contractual payments {due} exceed the {available} available",
            )
        elif unknown:
            r.add(
                "NS-E1",
                MISSING,
                f"missing: contractual payment of {len(unknown)} non-priority debt(s)",
            )
        else:
            r.add("NS-E1", PASS, f"contractual payments {due} within the {available} available")
    for d in f.debts:
        if not classify(d).is_priority:
            continue
        if d.arrears is None:
            r.add("NS-E2", MISSING, f"missing: arrears on the {d.debt_type.value} debt")
        elif d.arrears.pence > 0:
            r.add(
                "NS-E2",
                JUDGEMENT,
                f"{d.debt_type.value} arrears {d.arrears} need a repayment arrangement",
            )
    enforced = [
        d
        for d in f.debts
        if d.enforcement_stage is not None and d.enforcement_stage.value != "none"
    ]
    if enforced:
        r.add("NS-E3", JUDGEMENT, f"{len(enforced)} debt(s) under recovery or enforcement")
    return r.result()


_EVALUATORS: dict[Solution, Callable[[Rules], OptionResult]] = {
    Solution.DRO: lambda r: _run(DRO_RULES, r),
    Solution.MAP: lambda r: _run(MAP_RULES, r),
    Solution.BANKRUPTCY: _bankruptcy,
    Solution.SEQUESTRATION: _sequestration,
    Solution.IVA: _iva,
    Solution.TRUST_DEED: _trust_deed,
    Solution.DMP: _dmp,
    Solution.ADMINISTRATION_ORDER: _administration_order,
    Solution.BREATHING_SPACE: _breathing_space,
    Solution.MENTAL_HEALTH_CRISIS_MORATORIUM: _mhcm,
    Solution.TOKEN_PAYMENTS: _token,
    Solution.FULL_AND_FINAL_SETTLEMENT: _full_and_final,
    Solution.WRITE_OFF_REQUEST: _write_off,
    Solution.NO_SOLUTION_NEEDED: _no_solution,
}


def assess(
    solution: Solution, facts: CaseFacts, table: ThresholdTable | None = None
) -> OptionResult:
    """Assess one solution.

    Raises:
        ValueError: the solution does not exist in the facts' jurisdiction.
    """
    if solution not in SOLUTIONS_BY_JURISDICTION[facts.jurisdiction]:
        raise ValueError(f"{solution} is not available in {facts.jurisdiction}")
    return _EVALUATORS[solution](Rules(solution, facts, table or default_thresholds()))


def appraise(facts: CaseFacts, table: ThresholdTable | None = None) -> Appraisal:
    """Assess every solution available in the facts' jurisdiction on ``facts.on_date``."""
    thresholds = table or default_thresholds()
    return Appraisal(
        jurisdiction=facts.jurisdiction,
        on_date=facts.on_date,
        options=tuple(
            _EVALUATORS[s](Rules(s, facts, thresholds))
            for s in SOLUTIONS_BY_JURISDICTION[facts.jurisdiction]
        ),
    )
