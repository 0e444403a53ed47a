"""Informal options and administration orders (UK-DEBT-ADVICE §1.6), our ids.

DMP DMP-E1 ... DMP-E4; administration order (EW) AO-E1 ... AO-E4; token payments TOK-E1
... TOK-E3; full and final settlement FFS-E1 ... FFS-E3; write-off request WO-E1, WO-E2;
no solution needed NS-E1 ... NS-E3.
"""

from __future__ import annotations

from cma_core.debts.priority import classify
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Param
from cma_core.shared.money import Money
from cma_core.solutions.rules.base import (
    FAIL,
    JUDGEMENT,
    MISSING,
    NOTE,
    PASS,
    Rules,
    RuleSpec,
    non_priority,
    note_threshold,
    total,
)

_DMP_SOURCE = "UK-DEBT-ADVICE 1.6 [V]"
_N92 = "gov.uk N92 [V]"
_SECTION_1_6 = "UK-DEBT-ADVICE 1.6 [S]"


def dmp_e1_non_priority_debts(r: Rules) -> None:
    """DMP-E1: a DMP covers unsecured non-priority debts only [V]."""
    nonprio = non_priority(r.facts.debts)
    if not nonprio:
        r.add("DMP-E1", FAIL, "no unsecured non-priority debts", source=_DMP_SOURCE)
    else:
        r.add("DMP-E1", PASS, f"{len(nonprio)} unsecured non-priority debts")


def dmp_e3_priority_decided(r: Rules) -> None:
    """DMP-E3: every debt's priority decided before a DMP is set [S: CPAG]."""
    undecided = [d for d in r.facts.debts if classify(d).needs_adviser_decision]
    if undecided:
        r.add(
            "DMP-E3",
            JUDGEMENT,
            f"{len(undecided)} debt(s) need a priority decision before a DMP can be set",
            source="CPAG [S]",
        )


def dmp_e2_available(r: Rules) -> None:
    """DMP-E2: something is available for non-priority creditors (else token payments)."""
    budget = r.budget("DMP-E2")
    if budget is None:
        return
    available = budget.available_for_non_priority
    if available.pence <= 0:
        r.add(
            "DMP-E2",
            FAIL,
            f"nothing available for non-priority creditors ({available}); consider token payments",
        )
    else:
        r.add("DMP-E2", PASS, f"{available} a month for non-priority creditors")


def dmp_e4_term(r: Rules) -> None:
    """DMP-E4: the expected term is recorded [V: CONC 8.2.2G(2)]."""
    budget = r.facts.budget
    if budget is None or budget.available_for_non_priority.pence <= 0:
        return
    available = budget.available_for_non_priority
    debts = total(non_priority(r.facts.debts))
    if debts.pence > 0:
        months = -(-debts.pence // available.pence)
        r.add(
            "DMP-E4",
            NOTE,
            f"expected term about {months} months at {available} a month, if "
            "interest and charges are frozen",
            source="CONC 8.2.2G(2) [V]",
        )


def dmp_notes(r: Rules) -> None:
    """Creditors can refuse; fee-charging firms signpost free advice (CONC 8.2.4R) [V]."""
    r.add(
        "DMP-NOTE",
        NOTE,
        "creditors can refuse; fee-charging firms must signpost free advice (CONC 8.2.4R); "
        "review regularly",
        source=_DMP_SOURCE,
    )
    if r.facts.jurisdiction is Jurisdiction.SCO:
        r.add(
            "DMP-NOTE",
            NOTE,
            "in Scotland the Debt Arrangement Scheme gives the same plan statutory "
            "protection (see its option)",
            source=_DAS_SOURCE,
        )


DMP_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="DMP-E1",
        check=dmp_e1_non_priority_debts,
        title="Unsecured non-priority debts to include",
        source=_DMP_SOURCE,
    ),
    RuleSpec(
        id="DMP-E3",
        check=dmp_e3_priority_decided,
        title="Priority decided for every debt",
        source="CPAG [S]",
    ),
    RuleSpec(
        id="DMP-E2",
        check=dmp_e2_available,
        title="Money available for non-priority creditors",
        source="SFS",
    ),
    RuleSpec(id="DMP-E4", check=dmp_e4_term, title="Expected term", source="CONC 8.2.2G(2) [V]"),
    RuleSpec(
        id="DMP-NOTE",
        check=dmp_notes,
        title="Refusal, signposting, reviews",
        source="CONC 8.2.4R [V]",
    ),
)


_DAS_SOURCE = "Debt Arrangement Scheme (Scotland) Regulations 2011 [U]"


def das_e1_scotland(r: Rules) -> None:
    """DAS-E1: a Scottish procedure: the client lives in Scotland [U]."""
    if r.facts.jurisdiction is Jurisdiction.SCO:
        r.add("DAS-E1", PASS, "the case is in Scotland", source=_DAS_SOURCE)
    else:
        r.add("DAS-E1", FAIL, "the Debt Arrangement Scheme is Scottish", source=_DAS_SOURCE)


def das_e2_debts(r: Rules) -> None:
    """DAS-E2: a debt payment programme repays the debts in full over time, priority
    arrears included [U]."""
    if not r.facts.debts:
        r.add("DAS-E2", FAIL, "no debts to include", source=_DAS_SOURCE)
    else:
        r.add("DAS-E2", PASS, f"{len(r.facts.debts)} debts to include", source=_DAS_SOURCE)


def das_e3_available(r: Rules) -> None:
    """DAS-E3: the budget leaves something to pay every month [U]."""
    budget = r.budget("DAS-E3")
    if budget is None:
        return
    available = budget.available_for_priority
    if available.pence <= 0:
        r.add("DAS-E3", FAIL, f"nothing available to pay ({available})", source=_DAS_SOURCE)
    else:
        months = -(-total(r.facts.debts).pence // available.pence)
        r.add(
            "DAS-E3",
            PASS,
            f"{available} a month: about {months} months to repay in full",
            source=_DAS_SOURCE,
        )


def das_notes(r: Rules) -> None:
    """Through an approved money adviser; interest and charges frozen; diligence stops."""
    r.add(
        "DAS-NOTE",
        JUDGEMENT,
        "applied for through an approved money adviser; once the programme is approved, "
        "interest, fees and charges are frozen and creditors cannot take diligence; confirm "
        "the client can keep up the payments",
        source=_DAS_SOURCE,
    )


DAS_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(id="DAS-E1", check=das_e1_scotland, title="Lives in Scotland", source=_DAS_SOURCE),
    RuleSpec(id="DAS-E2", check=das_e2_debts, title="Debts to repay", source=_DAS_SOURCE),
    RuleSpec(id="DAS-E3", check=das_e3_available, title="Money available each month", source="SFS"),
    RuleSpec(
        id="DAS-NOTE",
        check=das_notes,
        title="Approved money adviser; protection",
        source=_DAS_SOURCE,
    ),
)


def ao_e1_debt_limit(r: Rules) -> None:
    """AO-E1: total debts below £5,000 including interest and charges [V: gov.uk N92]."""
    limit = r.figure("AO-E1", Param.AO_MAX_TOTAL_DEBT)
    debts = total(r.facts.debts)
    if limit is not None:
        ok = debts.pence < limit.value
        r.add(
            "AO-E1",
            PASS if ok else FAIL,
            f"total debts {debts} {'below' if ok else 'not below'} {limit.display_value()} "
            "(including interest and charges)",
            threshold=limit,
        )


def ao_e2_judgment(r: Rules) -> None:
    """AO-E2: at least one county or High Court judgment [V: gov.uk N92]."""
    judgments = r.figure("AO-E2", Param.AO_MIN_JUDGMENTS)
    if judgments is None:
        return
    debts = r.facts.debts
    n = sum(1 for d in debts if d.ccj)
    if n >= judgments.value:
        r.add("AO-E2", PASS, f"{n} county or High Court judgment(s)", threshold=judgments)
    elif any(d.ccj is None for d in debts):
        r.add("AO-E2", MISSING, "missing: whether debts have judgments", threshold=judgments)
    else:
        r.add("AO-E2", FAIL, "no county or High Court judgment", threshold=judgments)


def ao_e3_creditors(r: Rules) -> None:
    """AO-E3: at least two creditors [V: gov.uk N92]."""
    creditors = r.figure("AO-E3", Param.AO_MIN_CREDITORS)
    if creditors is None:
        return
    debts = r.facts.debts
    ids = {d.creditor_id for d in debts if d.creditor_id is not None}
    if len(ids) >= creditors.value:
        r.add("AO-E3", PASS, f"{len(ids)} creditors", threshold=creditors)
    elif any(d.creditor_id is None for d in debts):
        r.add("AO-E3", MISSING, "missing: creditor of every debt", threshold=creditors)
    else:
        r.add("AO-E3", FAIL, f"only {len(ids)} creditor(s)", threshold=creditors)


def ao_e4_court(r: Rules) -> None:
    """AO-E4: court fee, 16 days to object, 6 years on the Register [S: NDL]; form N92 [V]."""
    note_threshold(
        r,
        "AO-E4",
        Param.AO_COURT_FEE,
        lambda fee: (
            f"court fee {fee.display_value()}; creditors may object within 16 days; on "
            "the Register for 6 years; a composition order usually runs about 3 years"
        ),
    )
    r.add("AO-E4", NOTE, "apply to the county court on form N92", source=_N92)


ADMINISTRATION_ORDER_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(id="AO-E1", check=ao_e1_debt_limit, title="Total debts below £5,000", source=_N92),
    RuleSpec(id="AO-E2", check=ao_e2_judgment, title="At least one judgment", source=_N92),
    RuleSpec(id="AO-E3", check=ao_e3_creditors, title="At least two creditors", source=_N92),
    RuleSpec(
        id="AO-E4",
        check=ao_e4_court,
        title="Court fee, objections, Register; form N92",
        source=f"{_N92}; NDL [S]",
    ),
)


def tok_e1_non_priority_debts(r: Rules) -> None:
    """TOK-E1: token payments go to non-priority creditors [S]."""
    nonprio = non_priority(r.facts.debts)
    if not nonprio:
        r.add("TOK-E1", FAIL, "no non-priority debts")
    else:
        r.add("TOK-E1", PASS, f"{len(nonprio)} non-priority debts")


def tok_e2_nil_or_low_surplus(r: Rules) -> None:
    """TOK-E2: when the surplus is nil or low; otherwise pro-rata offers (CR-11) [S]."""
    budget = r.budget("TOK-E2")
    if budget is None:
        return
    available = budget.available_for_non_priority
    if available.pence <= 0:
        r.add("TOK-E2", PASS, f"nothing available for non-priority creditors ({available})")
    else:
        r.add(
            "TOK-E2",
            JUDGEMENT,
            f"{available} a month is available: pro-rata offers are expected unless the "
            "adviser judges it too low",
        )


def tok_e3_amount(r: Rules) -> None:
    """TOK-E3: £1-£2 a month per creditor, reviewed [S]."""
    token = r.figure("TOK-E3", Param.TOKEN_PER_CREDITOR_MONTHLY)
    if token is not None:
        r.add(
            "TOK-E3",
            NOTE,
            f"offer {token.display_value()} a month per creditor and review",
            threshold=token,
        )


TOKEN_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="TOK-E1",
        check=tok_e1_non_priority_debts,
        title="Non-priority debts",
        source=_SECTION_1_6,
    ),
    RuleSpec(
        id="TOK-E2",
        check=tok_e2_nil_or_low_surplus,
        title="Nil or low surplus",
        source=_SECTION_1_6,
    ),
    RuleSpec(
        id="TOK-E3",
        check=tok_e3_amount,
        title="Amount per creditor",
        source=_SECTION_1_6,
    ),
)


def ffs_e1_debts(r: Rules) -> None:
    """FFS-E1: there are debts to settle."""
    if not r.facts.debts:
        r.add("FFS-E1", FAIL, "no debts to settle")


def ffs_e2_lump_sum(r: Rules) -> None:
    """FFS-E2: a lump sum is available [S: StepChange, NDL]."""
    lump = r.facts.lump_sum_available
    if lump is None:
        r.add("FFS-E2", MISSING, "missing: lump sum available for settlement")
    elif lump.pence == 0:
        r.add("FFS-E2", FAIL, "no lump sum available")
    else:
        r.add("FFS-E2", PASS, f"lump sum {lump} available")


def ffs_e3_pro_rata(r: Rules) -> None:
    """FFS-E3: split pro rata; written acceptance before paying (CR-19) [S: StepChange]."""
    r.add(
        "FFS-E3",
        NOTE,
        "split the lump sum pro rata; get each creditor's written acceptance before paying (CR-19)",
        source="StepChange; NDL [S]",
    )


_FFS_SOURCE = "StepChange; NDL [S]"

FULL_AND_FINAL_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(id="FFS-E1", check=ffs_e1_debts, title="Debts to settle", source=_FFS_SOURCE),
    RuleSpec(id="FFS-E2", check=ffs_e2_lump_sum, title="A lump sum", source=_FFS_SOURCE),
    RuleSpec(
        id="FFS-E3",
        check=ffs_e3_pro_rata,
        title="Pro rata; written acceptance first",
        source=_FFS_SOURCE,
    ),
)


def wo_e1_discretion(r: Rules) -> None:
    """WO-E1: write-off is at the creditor's discretion, no statutory test [S: CPAG]."""
    r.add(
        "WO-E1",
        JUDGEMENT,
        "write-off is at the creditor's discretion; there is no statutory test",
        source="CPAG [S]",
    )


def wo_e2_available(r: Rules) -> None:
    """WO-E2: money available makes a write-off unlikely."""
    budget = r.facts.budget
    if budget is not None and budget.available_for_non_priority.pence > 0:
        r.add(
            "WO-E2",
            NOTE,
            f"{budget.available_for_non_priority} a month is available: creditors are "
            "unlikely to write off",
        )


WRITE_OFF_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(id="WO-E1", check=wo_e1_discretion, title="Creditor's discretion", source="CPAG [S]"),
    RuleSpec(id="WO-E2", check=wo_e2_available, title="Money available", source="CPAG [S]"),
)


def ns_e1_contractual_payments(r: Rules) -> None:
    """NS-E1: no debts, or the contractual payments fit what is available (SFS)."""
    f = r.facts
    if not f.debts:
        r.add("NS-E1", PASS, "no debts recorded")
        r.stop()
        return
    budget = r.budget("NS-E1")
    if budget is None:
        return
    nonprio = non_priority(f.debts)
    unknown = [d for d in nonprio if d.contractual_payment is None]
    due = Money(sum(d.contractual_payment.pence for d in nonprio if d.contractual_payment))
    available = budget.available_for_non_priority
    if due.pence > available.pence:
        r.add("NS-E1", FAIL, f"contractual payments {due} exceed the {available} available")
    elif unknown:
        r.add(
            "NS-E1",
            MISSING,
            f"missing: contractual payment of {len(unknown)} non-priority debt(s)",
        )
    else:
        r.add("NS-E1", PASS, f"contractual payments {due} within the {available} available")


def ns_e2_priority_arrears(r: Rules) -> None:
    """NS-E2: priority arrears need a repayment arrangement (FCA Glossary; CPAG)."""
    for d in r.facts.debts:
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


def ns_e3_enforcement(r: Rules) -> None:
    """NS-E3: debts under recovery or enforcement need action."""
    enforced = [
        d
        for d in r.facts.debts
        if d.enforcement_stage is not None and d.enforcement_stage.value != "none"
    ]
    if enforced:
        r.add("NS-E3", JUDGEMENT, f"{len(enforced)} debt(s) under recovery or enforcement")


NO_SOLUTION_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="NS-E1",
        check=ns_e1_contractual_payments,
        title="Contractual payments affordable",
        source="SFS",
    ),
    RuleSpec(
        id="NS-E2",
        check=ns_e2_priority_arrears,
        title="No priority arrears",
        source="FCA Glossary; CPAG [S]",
    ),
    RuleSpec(
        id="NS-E3",
        check=ns_e3_enforcement,
        title="No recovery or enforcement",
        source="UK-DEBT-ADVICE 5",
    ),
)
