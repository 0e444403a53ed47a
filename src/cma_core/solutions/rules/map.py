"""Minimal Asset Process (Scotland, UK-DEBT-ADVICE §1.3 [V: AIB]).

MAP-E1 debt limit (student loans excluded), MAP-E2 minimum debt, MAP-E3 assets, MAP-E4 no
land or property, MAP-E5 income test, MAP-E6 certificate for sequestration, MAP-E7
residence, MAP-E8 previous bankruptcy/MAP, MAP-E9 current procedures; then the fee.
"""

from __future__ import annotations

from cma_core.assets.model import PastProcedure, ProcedureKind, Vehicle
from cma_core.debts.model import DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Param, Threshold
from cma_core.shared.money import Money
from cma_core.solutions.rules.base import (
    AIB,
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

_UNVERIFIED = "[U] general rule, not in the reference"

#: (name, pence) of each asset counted for MAP-E3.
_Items = list[tuple[str, int]]


def _counted_debts(r: Rules) -> Money:
    return total(d for d in r.facts.debts if d.debt_type is not DebtType.STUDENT_LOAN)


def map_e1_debt_limit(r: Rules) -> None:
    """MAP-E1: debts within the limit, student loans excluded from it [V: AIB]."""
    debts = _counted_debts(r)
    limit = r.figure("MAP-E1", Param.MAP_MAX_DEBT)
    if limit is not None:
        debts_within(r, "MAP-E1", "debts (student loans excluded)", debts, limit)


def map_e2_minimum_debt(r: Rules) -> None:
    """MAP-E2: the minimum debt (none from 2023-02-06) [V: AIB]."""
    debts = _counted_debts(r)
    minimum = r.figure("MAP-E2", Param.MAP_MIN_DEBT)
    if minimum is not None and minimum.value > 0:
        ok = debts.pence >= minimum.value
        r.add(
            "MAP-E2",
            PASS if ok else FAIL,
            f"debts {debts} {'meet' if ok else 'below'} the minimum {minimum.display_value()}",
            threshold=minimum,
        )


def _vehicle_items(
    r: Rules, vehicles: tuple[Vehicle, ...], vehicle_max: Threshold
) -> tuple[_Items, list[str]]:
    """Vehicles counted for MAP-E3 after leaving out one reasonably required vehicle."""
    items: _Items = []
    missing: list[str] = []
    excluded = False
    for i, v in enumerate(vehicles):
        name = v.description or f"vehicle {i + 1}"
        if v.value is None:
            missing.append(f"value of {name}")
            continue
        required = v.needed_for_work or v.adapted_for_disability
        small = v.value.pence <= vehicle_max.value
        if not excluded and required and small:
            excluded = True
            r.add(
                "MAP-E3",
                NOTE,
                f"{name} is reasonably required and within {vehicle_max.display_value()}: excluded",
                threshold=vehicle_max,
            )
            continue
        if not excluded and required is None and small:
            missing.append(f"whether {name} is reasonably required")
        items.append((name, v.value.pence))
    return items, missing


def _asset_items(r: Rules, vehicle_max: Threshold | None) -> tuple[_Items, list[str]]:
    """Every asset counted for MAP-E3, and what is missing."""
    a = r.facts.assets
    missing: list[str] = []
    items: _Items = []
    if a.savings_and_cash is None:
        missing.append("savings and cash")
    else:
        items.append(("savings and cash", a.savings_and_cash.pence))
    if a.other_assets is None:
        missing.append("other assets")
    else:
        for o in a.other_assets:
            if o.value is None:
                missing.append(f"value of {o.description}")
            else:
                items.append((o.description, o.value.pence))
    if a.vehicles is None:
        missing.append("vehicles")
    elif vehicle_max is not None:
        vehicle_items, vehicle_missing = _vehicle_items(r, a.vehicles, vehicle_max)
        items.extend(vehicle_items)
        missing.extend(vehicle_missing)
    return items, missing


def map_e3_assets(r: Rules) -> None:
    """MAP-E3: assets within the limit, no single asset over its limit, one reasonably
    required vehicle up to the exclusion value left out [V: AIB].
    """
    max_assets = r.figure("MAP-E3", Param.MAP_MAX_ASSETS)
    max_single = r.figure("MAP-E3", Param.MAP_MAX_SINGLE_ASSET)
    vehicle_max = r.figure("MAP-E3", Param.MAP_VEHICLE_EXCLUSION_MAX)
    items, missing = _asset_items(r, vehicle_max)
    if max_assets is None or max_single is None:
        return
    known = sum(p for _, p in items)
    too_big = [n for n, p in items if p > max_single.value]
    if too_big:
        r.add(
            "MAP-E3",
            FAIL,
            f"single asset over {max_single.display_value()}: {', '.join(too_big)}",
            threshold=max_single,
        )
    if known > max_assets.value:
        r.add(
            "MAP-E3",
            FAIL,
            f"assets {Money(known)} exceed {max_assets.display_value()}",
            threshold=max_assets,
        )
    elif missing:
        r.add("MAP-E3", MISSING, "missing: " + "; ".join(missing), threshold=max_assets)
    elif not too_big:
        r.add(
            "MAP-E3",
            PASS,
            f"assets {Money(known)} within {max_assets.display_value()}, none over "
            f"{max_single.display_value()}",
            threshold=max_assets,
        )


def map_e4_no_property(r: Rules) -> None:
    """MAP-E4: no land or property [V: AIB]."""
    owner = r.facts.assets.is_homeowner
    if owner is None:
        r.add("MAP-E4", MISSING, "missing: whether the client owns land or property", source=AIB)
    elif owner:
        r.add("MAP-E4", FAIL, "owns land or property", source=AIB)
    else:
        r.add("MAP-E4", PASS, "no land or property", source=AIB)


def map_e5_income(r: Rules) -> None:
    """MAP-E5: benefits-only income for 6 months, or no surplus on the CFT [V: AIB]."""
    f = r.facts
    months = r.figure("MAP-E5", Param.MAP_BENEFITS_ONLY_MONTHS)
    if months is None:
        return
    if f.benefits_only_months is not None and f.benefits_only_months >= months.value:
        r.add(
            "MAP-E5",
            PASS,
            f"income has been benefits only for {f.benefits_only_months} months",
            threshold=months,
        )
    elif f.budget is not None and f.budget.income_minus_outgoings.pence <= 0:
        r.add(
            "MAP-E5",
            JUDGEMENT,
            "no surplus on the SFS; MAP needs a nil surplus on the Common Financial Tool - "
            "confirm on the CFT",
            threshold=months,
        )
    elif f.budget is None or f.benefits_only_months is None:
        r.add(
            "MAP-E5",
            MISSING,
            "missing: months on benefits-only income, or the budget surplus",
            threshold=months,
        )
    else:
        r.add(
            "MAP-E5",
            JUDGEMENT,
            "surplus on the SFS and not benefits-only for "
            f"{months.value} months; MAP only if the CFT shows no surplus",
            threshold=months,
        )


def map_e6_certificate(r: Rules) -> None:
    """MAP-E6: money advice and a Certificate for Sequestration [V: AIB]."""
    r.add(
        "MAP-E6",
        NOTE,
        "needs money advice and a Certificate for Sequestration from the adviser",
        source=AIB,
    )


def map_e7_residence(r: Rules) -> None:
    """MAP-E7: lived in Scotland in the last year [V: AIB]."""
    years = r.figure("MAP-E7", Param.MAP_RESIDENCE_YEARS)
    res = r.facts.residence
    if years is None:
        return
    if res.jurisdiction is not None and res.jurisdiction is not Jurisdiction.SCO:
        r.add("MAP-E7", JUDGEMENT, f"residence facts recorded for {res.jurisdiction}")
    elif res.lived_there_last_year is None:
        r.add(
            "MAP-E7",
            MISSING,
            "missing: whether the client lived in Scotland in the last year",
            threshold=years,
        )
    else:
        r.add(
            "MAP-E7",
            PASS if res.lived_there_last_year else FAIL,
            ("lived" if res.lived_there_last_year else "did not live")
            + f" in Scotland in the last {years.value} year(s)",
            threshold=years,
        )


def _none_recent(r: Rules, previous: tuple[PastProcedure, ...], param: Param, label: str) -> None:
    """MAP-E8 for one kind of procedure and its look-back period."""
    lookback = r.figure("MAP-E8", param)
    if lookback is None:
        return
    recent = [within_years(p, lookback.value, r.facts.on_date) for p in previous]
    if any(recent):
        r.add("MAP-E8", FAIL, f"{label} in the last {lookback.value} years", threshold=lookback)
    elif None in recent:
        r.add("MAP-E8", MISSING, f"missing: start date of a previous {label}", threshold=lookback)
    else:
        r.add("MAP-E8", PASS, f"no {label} in the last {lookback.value} years", threshold=lookback)


def map_e8_history(r: Rules) -> None:
    """MAP-E8: no bankruptcy (sequestration) in 5 years, no MAP in 10 [V: AIB]."""
    hist = r.facts.insolvency
    if hist.previous is None:
        r.add("MAP-E8", MISSING, "missing: insolvency history")
        return
    bankruptcies = hist.of_kind(ProcedureKind.SEQUESTRATION, ProcedureKind.BANKRUPTCY)
    _none_recent(r, bankruptcies, Param.MAP_PREVIOUS_BANKRUPTCY_YEARS, "bankruptcy")
    _none_recent(r, hist.of_kind(ProcedureKind.MAP), Param.MAP_PREVIOUS_MAP_YEARS, "MAP")


def map_e9_current(r: Rules) -> None:
    """MAP-E9: not already sequestrated, in a MAP or in a trust deed [U]."""
    cur = r.facts.insolvency.current
    r.flag(
        "MAP-E9",
        cur.in_map_or_sequestration,
        bad_if_true="already sequestrated or in a MAP",
        source=_UNVERIFIED,
    )
    r.flag(
        "MAP-E9",
        cur.in_trust_deed,
        bad_if_true="in a trust deed",
        source=_UNVERIFIED,
    )


def map_fee(r: Rules) -> None:
    """The MAP fee, waived on prescribed benefits or a nil CFT surplus [V: AIB]."""
    note_threshold(
        r,
        "MAP-FEE",
        Param.MAP_FEE,
        lambda fee: f"fee {fee.display_value()}, waived on prescribed benefits or nil CFT surplus",
    )


MAP_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="MAP-E1",
        check=map_e1_debt_limit,
        title="Debts within the limit (student loans excluded)",
        source=AIB,
    ),
    RuleSpec(id="MAP-E2", check=map_e2_minimum_debt, title="Minimum debt", source=AIB),
    RuleSpec(
        id="MAP-E3",
        check=map_e3_assets,
        title="Assets and single assets within the limits; one required vehicle excluded",
        source=AIB,
    ),
    RuleSpec(id="MAP-E4", check=map_e4_no_property, title="No land or property", source=AIB),
    RuleSpec(
        id="MAP-E5",
        check=map_e5_income,
        title="Benefits-only income for 6 months, or no CFT surplus",
        source=AIB,
    ),
    RuleSpec(
        id="MAP-E6",
        check=map_e6_certificate,
        title="Money advice and a Certificate for Sequestration",
        source=AIB,
    ),
    RuleSpec(
        id="MAP-E7",
        check=map_e7_residence,
        title="Lived in Scotland in the last year",
        source=AIB,
    ),
    RuleSpec(
        id="MAP-E8",
        check=map_e8_history,
        title="No bankruptcy in 5 years, no MAP in 10",
        source=AIB,
    ),
    RuleSpec(
        id="MAP-E9",
        check=map_e9_current,
        title="Not sequestrated, in a MAP or in a trust deed now",
        source="[U]",
    ),
    RuleSpec(id="MAP-FEE", check=map_fee, title="Fee and its waiver", source=AIB),
)
