"""Debt Relief Order (EW: Insolvency Act 1986 Part 7A; NI with the NI figures).

DRO-E1 ... DRO-E8 exactly as in UK-DEBT-ADVICE §1.1, then the fee and duties (notes).
"""

from __future__ import annotations

from cma_core.assets.model import Outcome, ProcedureKind, Vehicle
from cma_core.debts.model import Debt, DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Param, Threshold
from cma_core.shared.money import Money
from cma_core.solutions.rules.base import (
    FAIL,
    JUDGEMENT,
    MISSING,
    NOTE,
    PASS,
    Rules,
    RuleSpec,
    debts_within,
    note_threshold,
    total,
    within_years,
)

#: Not qualifying debts for a DRO [V: IR 2016 r9.2(1)(a)-(d)] (by type; list may continue).
DRO_EXCLUDED_TYPES: frozenset[DebtType] = frozenset(
    {DebtType.MAGISTRATES_FINE, DebtType.CHILD_MAINTENANCE, DebtType.STUDENT_LOAN}
)
#: NI also excludes Social Fund and crisis-loan debt [S: Advice NI].
NI_DRO_EXTRA_EXCLUDED: frozenset[DebtType] = frozenset({DebtType.SOCIAL_FUND_LOAN})

_STATUS_SOURCE = "UK-DEBT-ADVICE 1.1 [S]"


def _is_ni(r: Rules) -> bool:
    return r.facts.jurisdiction is Jurisdiction.NI


def _qualifying(r: Rules) -> list[Debt]:
    excluded = DRO_EXCLUDED_TYPES | (NI_DRO_EXTRA_EXCLUDED if _is_ni(r) else frozenset())
    return [d for d in r.facts.debts if not d.is_secured and d.debt_type not in excluded]


def dro_e1_submission_date(r: Rules) -> None:
    """DRO-E1: the limits in force on the submission date are used [S: SDAS24]."""
    r.add(
        "DRO-E1",
        NOTE,
        f"limits in force on the submission date {r.facts.on_date.isoformat()} are used",
        source="SDAS24 [S]",
    )


def dro_e2_debt_limit(r: Rules) -> None:
    """DRO-E2: qualifying debts within the limit; secured and excluded debts not counted."""
    qualifying = _qualifying(r)
    limit = r.figure("DRO-E2", Param.DRO_MAX_DEBT)
    debts = total(qualifying)
    if not qualifying:
        r.add("DRO-E2", FAIL, "no qualifying debts for a DRO to cover", source="IR 2016 r9.2 [V]")
    elif limit is not None:
        debts_within(r, "DRO-E2", "qualifying debts", debts, limit, limit_name="the limit")


def dro_e2_not_counted(r: Rules) -> None:
    """DRO-E2 notes: what was left out [V: IR 2016 r9.2(1)(a)-(d); NI: S Advice NI]."""
    qualifying = _qualifying(r)
    left_out = [d for d in r.facts.debts if d not in qualifying]
    if left_out:
        r.add(
            "DRO-E2",
            NOTE,
            "not counted (secured or excluded): "
            + ", ".join(sorted({d.debt_type.value for d in left_out})),
            source="IR 2016 r9.2(1)(a)-(d) [V]" + ("; Advice NI [S]" if _is_ni(r) else ""),
        )
    if any(d.debt_type is DebtType.OTHER for d in r.facts.debts):
        r.add(
            "DRO-E2",
            NOTE,
            "check 'other' debts for excluded kinds (confiscation orders, family-proceedings "
            "orders, personal-injury damages); fraud debts qualify but are not released",
            source="IR 2016 r9.2 [V]; Shelter Legal [S]",
        )


def dro_e3_surplus(r: Rules) -> None:
    """DRO-E3: monthly surplus (income minus normal expenses) within the limit."""
    max_surplus = r.figure("DRO-E3", Param.DRO_MAX_SURPLUS_MONTHLY)
    budget = r.budget("DRO-E3")
    if budget is None or max_surplus is None:
        return
    surplus = budget.income_minus_outgoings
    ok = surplus.pence <= max_surplus.value
    r.add(
        "DRO-E3",
        PASS if ok else FAIL,
        f"monthly surplus {surplus} {'within' if ok else 'above'} {max_surplus.display_value()}",
        threshold=max_surplus,
    )


def dro_e4_no_home(r: Rules) -> None:
    """DRO-E4: homeowners cannot get a DRO [S: StepChange]."""
    owner = r.facts.assets.is_homeowner
    if owner is None:
        r.add("DRO-E4", MISSING, "missing: whether the client owns property", source="StepChange")
    elif owner:
        r.add("DRO-E4", FAIL, "homeowners cannot get a DRO", source="StepChange [S]")


def _disregard_one(r: Rules, counted: list[Vehicle], below: Threshold) -> list[str]:
    """Disregard the most valuable vehicle that may be (value below the limit, not used
    only for work): that gives the client the lowest counted total. Returns what is missing.
    """
    candidates = [
        v
        for v in counted
        if v.value is not None and v.value.pence < below.value and v.work_only is not True
    ]
    if not candidates:
        return []
    chosen = max(candidates, key=lambda v: v.value.pence if v.value else 0)
    counted.remove(chosen)
    r.add(
        "DRO-E4",
        NOTE,
        f"one vehicle worth less than {below.display_value()} disregarded "
        f"({chosen.value}); a work-only vehicle cannot be the disregarded one "
        "[S: Citizens Advice]",
        threshold=below,
    )
    if chosen.work_only is None:
        return [f"whether {chosen.description or 'the vehicle'} is used only for work"]
    return []


def _counted_vehicles(
    r: Rules, vehicles: tuple[Vehicle, ...], below: Threshold
) -> tuple[Money, list[str]]:
    """Counted vehicle value after the DRO-E4 disregards, and what is missing."""
    missing: list[str] = []
    counted: list[Vehicle] = []
    for i, v in enumerate(vehicles):
        name = v.description or f"vehicle {i + 1}"
        if v.adapted_for_disability:
            r.add(
                "DRO-E4",
                NOTE,
                f"{name} is disability-adapted: disregarded at any value, but must be declared",
                source="GOVDRO [S]",
            )
        elif v.value is None:
            missing.append(f"value of {name}")
        else:
            counted.append(v)
    missing.extend(_disregard_one(r, counted, below))
    # Only a vehicle still counted could change the answer by being disability-adapted.
    missing.extend(
        f"whether {v.description or 'a vehicle'} is disability-adapted"
        for v in counted
        if v.adapted_for_disability is None
    )
    return Money(sum(v.value.pence for v in counted if v.value is not None)), missing


def _counted_assets(r: Rules, disregard: Threshold | None) -> tuple[int, list[str]]:
    """Pence of assets counted for DRO-E4, and what is missing."""
    assets = r.facts.assets
    missing: list[str] = []
    known = 0
    if assets.savings_and_cash is None:
        missing.append("savings and cash")
    else:
        known += assets.savings_and_cash.pence
    if assets.other_assets is None:
        missing.append("other assets")
    else:
        for a in assets.other_assets:
            if a.value is None:
                missing.append(f"value of {a.description}")
            else:
                known += a.value.pence
    if assets.vehicles is None:
        missing.append("vehicles")
    elif disregard is not None:
        vehicle_total, vehicle_missing = _counted_vehicles(r, assets.vehicles, disregard)
        known += vehicle_total.pence
        missing.extend(vehicle_missing)
    return known, missing


def dro_e4_assets(r: Rules) -> None:
    """DRO-E4: assets within the limit, one vehicle below the disregard value left out
    [V: SI 2024/622, IR 2016 r9.9]; a disability-adapted vehicle at any value [S: GOVDRO].
    """
    max_assets = r.figure("DRO-E4", Param.DRO_MAX_ASSETS)
    disregard = r.figure("DRO-E4", Param.DRO_VEHICLE_DISREGARD_BELOW)
    known, missing = _counted_assets(r, disregard)
    if r.facts.assets.pensions:
        r.add(
            "DRO-E4",
            NOTE,
            "pension rights are not counted as assets (confirm: not in the reference) [U]",
        )
    if max_assets is None:
        return
    if known > max_assets.value:
        r.add(
            "DRO-E4",
            FAIL,
            f"assets counted {Money(known)} exceed {max_assets.display_value()}",
            threshold=max_assets,
        )
    elif missing:
        r.add("DRO-E4", MISSING, "missing: " + "; ".join(missing), threshold=max_assets)
    elif disregard is not None:
        r.add(
            "DRO-E4",
            PASS,
            f"assets counted {Money(known)} within {max_assets.display_value()}",
            threshold=max_assets,
        )


def dro_e5_residence(r: Rules) -> None:
    """DRO-E5: domiciled, or lived, resided or traded there in the last 3 years [S: NDL]."""
    f = r.facts
    years = r.figure("DRO-E5", Param.DRO_RESIDENCE_YEARS)
    res = f.residence
    if res.jurisdiction is not None and res.jurisdiction is not f.jurisdiction:
        r.add(
            "DRO-E5",
            JUDGEMENT,
            f"residence facts were recorded for {res.jurisdiction}, not {f.jurisdiction}",
        )
    elif years is None:
        return
    elif res.domiciled or res.connected_last_3_years:
        r.add(
            "DRO-E5",
            PASS,
            f"domiciled, or lived, resided or traded there in the last {years.value} years",
            threshold=years,
        )
    elif res.domiciled is False and res.connected_last_3_years is False:
        r.add("DRO-E5", FAIL, "no domicile or recent connection", threshold=years)
    else:
        r.add(
            "DRO-E5",
            MISSING,
            "missing: domicile, or residence/business in the last "
            f"{years.value} years (exact statutory wording unverified)",
            threshold=years,
        )


def dro_e6_no_recent_dro(r: Rules) -> None:
    """DRO-E6: no DRO in the last 6 years; a revoked one does not count [S: StepChange]."""
    hist = r.facts.insolvency
    if hist.previous is None:
        r.add("DRO-E6", MISSING, "missing: insolvency history")
        return
    previous = [p for p in hist.of_kind(ProcedureKind.DRO) if p.outcome is not Outcome.REVOKED]
    if not previous:
        r.add("DRO-E6", PASS, "no previous DRO (other than revoked)", source="StepChange [S]")
        return
    lookback = r.figure("DRO-E6", Param.DRO_PREVIOUS_DRO_YEARS)
    if lookback is None:
        return
    recent = [within_years(p, lookback.value, r.facts.on_date) for p in previous]
    if any(recent):
        r.add("DRO-E6", FAIL, f"a DRO in the last {lookback.value} years", threshold=lookback)
    elif None in recent:
        r.add("DRO-E6", MISSING, "missing: start date of a previous DRO", threshold=lookback)
    else:
        r.add(
            "DRO-E6",
            PASS,
            f"previous DRO more than {lookback.value} years ago",
            threshold=lookback,
        )


def dro_e6_not_in_dro(r: Rules) -> None:
    """DRO-E6: not in a DRO now (IA 1986 Part 7A)."""
    r.flag(
        "DRO-E6",
        r.facts.insolvency.current.in_dro,
        bad_if_true="currently in a DRO",
        source="IA 1986 Part 7A",
    )


def dro_e7_status(r: Rules) -> None:
    """DRO-E7: not bankrupt, in an IVA or interim order, under a BRO/BRU or DRRO/DRRU [S]."""
    cur = r.facts.insolvency.current
    for value, what in (
        (cur.undischarged_bankrupt, "an undischarged bankrupt"),
        (cur.in_iva, "in an IVA"),
        (cur.in_interim_order, "subject to an interim order"),
        (cur.bro_or_bru, "subject to a BRO/BRU"),
        (cur.drro_or_drru, "subject to a DRRO/DRRU"),
    ):
        r.flag("DRO-E7", value, bad_if_true=what, source=_STATUS_SOURCE)


def _petition(
    r: Rules, pending: bool | None, exception: bool | None, what: str, unless: str
) -> None:
    if pending is None:
        r.add("DRO-E7", MISSING, f"missing: whether there is {what}")
    elif not pending:
        r.add("DRO-E7", PASS, f"no {what}")
    elif exception is None:
        r.add("DRO-E7", MISSING, f"missing: {what} exists - whether {unless}")
    elif exception:
        r.add("DRO-E7", PASS, f"{what} exists but {unless}")
    else:
        r.add("DRO-E7", FAIL, f"{what} exists and not {unless}", source=_STATUS_SOURCE)


def dro_e7_debtor_petition(r: Rules) -> None:
    """DRO-E7: no pending debtor's petition, unless it was referred to a DRO [S]."""
    cur = r.facts.insolvency.current
    _petition(
        r,
        cur.pending_debtor_petition,
        cur.debtor_petition_referred_to_dro,
        "a pending debtor's petition",
        "referred to a DRO",
    )


def dro_e7_creditor_petition(r: Rules) -> None:
    """DRO-E7: no pending creditor's petition, unless that creditor consents [S]."""
    cur = r.facts.insolvency.current
    _petition(
        r,
        cur.pending_creditor_petition,
        cur.petitioning_creditor_consents,
        "a pending creditor's petition",
        "the petitioning creditor consents",
    )


def dro_e8_breathing_space(r: Rules) -> None:
    """DRO-E8: a Breathing Space must be cancelled on submission (an action, not a bar)."""
    cur = r.facts.insolvency.current
    if cur.in_breathing_space or cur.in_mental_health_crisis_moratorium:
        r.add(
            "DRO-E8",
            NOTE,
            "a Breathing Space is in place: it must be cancelled when the DRO is submitted",
            source="moneyadvicehub [S]",
        )
    elif cur.in_breathing_space is None:
        r.add(
            "DRO-E8",
            NOTE,
            "check for a Breathing Space: it must be cancelled when the DRO is submitted",
            source="moneyadvicehub [S]",
        )


def dro_fee(r: Rules) -> None:
    """The application fee in force (£0 in EW from 2024-04-06) [S: ICAEW]."""
    note_threshold(
        r,
        "DRO-FEE",
        Param.DRO_APPLICATION_FEE,
        lambda fee: f"application fee {fee.display_value()}",
    )


def dro_duties(r: Rules) -> None:
    """EW: credit over the limit must disclose the DRO [V: SI 2009/465]; applications go
    through an approved intermediary [S].
    """
    if _is_ni(r):
        return
    note_threshold(
        r,
        "DRO-NOTE",
        Param.DRO_UNDISCLOSED_CREDIT_LIMIT,
        lambda credit: (
            f"during the DRO, credit of {credit.display_value()} or more must disclose it"
        ),
    )
    r.add(
        "DRO-NOTE",
        NOTE,
        "applications go online to the Official Receiver only through an approved intermediary",
        source="UK-DEBT-ADVICE 1.1 [S]",
    )


_SOURCE = "UK-DEBT-ADVICE 1.1"

DRO_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="DRO-E1",
        check=dro_e1_submission_date,
        title="Limits in force on the submission date",
        source="SDAS24 [S]",
    ),
    RuleSpec(
        id="DRO-E2",
        check=dro_e2_debt_limit,
        title="Qualifying debts within the limit",
        source="SI 2024/626 [V]; IR 2016 r9.2 [V]",
    ),
    RuleSpec(
        id="DRO-E2",
        check=dro_e2_not_counted,
        title="Secured and excluded debts not counted",
        source="IR 2016 r9.2(1)(a)-(d) [V]; Advice NI [S]; Shelter Legal [S]",
    ),
    RuleSpec(
        id="DRO-E3",
        check=dro_e3_surplus,
        title="Monthly surplus within the limit",
        source="IPA note 2021; NDL [S]",
    ),
    RuleSpec(
        id="DRO-E4",
        check=dro_e4_no_home,
        title="No homeowners",
        source="StepChange [S]",
    ),
    RuleSpec(
        id="DRO-E4",
        check=dro_e4_assets,
        title="Assets within the limit, one vehicle disregarded",
        source="SI 2024/622 (IR 2016 r9.9) [V]; GOVDRO [S]; Citizens Advice [S]",
    ),
    RuleSpec(
        id="DRO-E5",
        check=dro_e5_residence,
        title="Domicile or connection in the last 3 years",
        source="NDL [S]; exact statutory wording [U]",
    ),
    RuleSpec(
        id="DRO-E6",
        check=dro_e6_no_recent_dro,
        title="No DRO in the last 6 years (revoked ones aside)",
        source="StepChange [S]",
    ),
    RuleSpec(
        id="DRO-E6",
        check=dro_e6_not_in_dro,
        title="Not in a DRO now",
        source="IA 1986 Part 7A",
    ),
    RuleSpec(
        id="DRO-E7",
        check=dro_e7_status,
        title="Not bankrupt, in an IVA or interim order, under a BRO/BRU or DRRO/DRRU",
        source=f"{_SOURCE} [S]",
    ),
    RuleSpec(
        id="DRO-E7",
        check=dro_e7_debtor_petition,
        title="No pending debtor's petition unless referred to a DRO",
        source=f"{_SOURCE} [S]",
    ),
    RuleSpec(
        id="DRO-E7",
        check=dro_e7_creditor_petition,
        title="No pending creditor's petition unless the creditor consents",
        source=f"{_SOURCE} [S]",
    ),
    RuleSpec(
        id="DRO-E8",
        check=dro_e8_breathing_space,
        title="Any Breathing Space cancelled on submission",
        source="moneyadvicehub [S]",
    ),
    RuleSpec(
        id="DRO-FEE",
        check=dro_fee,
        title="Application fee",
        source="ICAEW 21 May 2024 [S]",
    ),
    RuleSpec(
        id="DRO-NOTE",
        check=dro_duties,
        title="Credit disclosure; approved intermediary (EW)",
        source=f"SI 2009/465 [V]; {_SOURCE} [S]",
    ),
)
