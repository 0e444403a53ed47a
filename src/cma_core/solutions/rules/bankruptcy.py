"""Bankruptcy (EW/NI, UK-DEBT-ADVICE §1.4) BR-E1 ... BR-E5, and sequestration (Scotland)
SEQ-E1 ... SEQ-E5 (our ids: the reference gives none).
"""

from __future__ import annotations

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Param
from cma_core.solutions.rules.base import (
    AIB,
    FAIL,
    JUDGEMENT,
    MISSING,
    NOTE,
    PASS,
    Rules,
    RuleSpec,
)

_S263I = "IA 1986 s263I [U]"
#: A consequence the adviser must explain, not an eligibility test; no source in the reference.
_NOTE_ONLY = "consequence (not in the reference)"


def br_e1_not_bankrupt(r: Rules) -> None:
    """BR-E1: not already an undischarged bankrupt (IA 1986)."""
    r.flag(
        "BR-E1",
        r.facts.insolvency.current.undischarged_bankrupt,
        bad_if_true="already an undischarged bankrupt",
        source="IA 1986",
    )


def br_e2_connection(r: Rules) -> None:
    """BR-E2: domicile or connection with England and Wales [U: IA 1986 s263I]; the NI
    residence test is not in the reference.
    """
    res = r.facts.residence
    if r.facts.jurisdiction is not Jurisdiction.EW:
        r.add("BR-E2", JUDGEMENT, "NI residence test is not in the reference [U]")
    elif res.domiciled or res.connected_last_3_years or res.ordinarily_resident:
        r.add("BR-E2", PASS, "connection with England and Wales", source=_S263I)
    elif res.domiciled is False and res.connected_last_3_years is False:
        r.add(
            "BR-E2",
            FAIL,
            "no domicile or recent connection with England and Wales",
            source=_S263I,
        )
    else:
        r.add(
            "BR-E2",
            MISSING,
            "missing: domicile or connection with England and Wales",
            source=_S263I,
        )


def br_e3_fees(r: Rules) -> None:
    """BR-E3: EW fee and deposit paid in full before the online application [S:
    moneywellness]; NI deposit plus a court fee whose amount sources dispute [U].
    """
    if r.facts.jurisdiction is not Jurisdiction.EW:
        rec = r.figure("BR-E3", Param.BANKRUPTCY_DEBTOR_DEPOSIT)
        if rec is not None:
            r.add(
                "BR-E3",
                NOTE,
                f"deposit {rec.display_value()} plus a court fee (sources conflict: 115-155 "
                "pounds) [U]",
                threshold=rec,
            )
        return
    for param, name in (
        (Param.BANKRUPTCY_DEBTOR_FEE, "the adjudicator's fee"),
        (Param.BANKRUPTCY_DEBTOR_DEPOSIT, "the official receiver's deposit"),
    ):
        rec = r.figure("BR-E3", param)
        if rec is not None:
            r.add(
                "BR-E3",
                NOTE,
                f"{name}, {rec.display_value()}, must be paid in full (instalments "
                "allowed) before the online application is submitted",
                threshold=rec,
            )


def br_e4_home(r: Rules) -> None:
    """BR-E4: the home or its equity is at risk (consequence, a note)."""
    owner = r.facts.assets.is_homeowner
    if owner:
        r.add("BR-E4", NOTE, "owns property: the home or its equity is at risk")
    elif owner is None:
        r.add("BR-E4", NOTE, "check whether the client owns property (risk to the home)")


def br_e5_income_payments(r: Rules) -> None:
    """BR-E5: a surplus makes an income payments arrangement likely (a note)."""
    budget = r.facts.budget
    if budget is not None and budget.income_minus_outgoings.pence > 0:
        r.add(
            "BR-E5",
            NOTE,
            f"monthly surplus {budget.income_minus_outgoings}: an income payments "
            "arrangement is likely",
        )


def br_e1_in_dro(r: Rules) -> None:
    """BR-E1: a client in a DRO needs the interaction checked (adviser judgement)."""
    if r.facts.insolvency.current.in_dro:
        r.add("BR-E1", JUDGEMENT, "currently in a DRO: check the interaction with the DRO")


BANKRUPTCY_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="BR-E1",
        check=br_e1_not_bankrupt,
        title="Not already an undischarged bankrupt",
        source="IA 1986",
    ),
    RuleSpec(
        id="BR-E2",
        check=br_e2_connection,
        title="Connection with the jurisdiction",
        source=_S263I,
    ),
    RuleSpec(
        id="BR-E3",
        check=br_e3_fees,
        title="Fee and deposit",
        source="UK-DEBT-ADVICE 1.4 [S]",
    ),
    RuleSpec(id="BR-E4", check=br_e4_home, title="Risk to the home", source=_NOTE_ONLY),
    RuleSpec(
        id="BR-E5",
        check=br_e5_income_payments,
        title="Income payments arrangement",
        source=_NOTE_ONLY,
    ),
    RuleSpec(
        id="BR-E1",
        check=br_e1_in_dro,
        title="Interaction with a current DRO",
        source="IA 1986 Part 7A",
    ),
)


def seq_e1_not_sequestrated(r: Rules) -> None:
    """SEQ-E1: not already sequestrated or in a MAP [V: AIB]."""
    r.flag(
        "SEQ-E1",
        r.facts.insolvency.current.in_map_or_sequestration,
        bad_if_true="already sequestrated or in a MAP",
        source=AIB,
    )


def seq_e2_fee(r: Rules) -> None:
    """SEQ-E2: the full administration fee [V: AIB]."""
    fee = r.figure("SEQ-E2", Param.SEQUESTRATION_FULL_ADMIN_FEE)
    if fee is not None:
        r.add("SEQ-E2", NOTE, f"full administration fee {fee.display_value()}", threshold=fee)


def seq_e3_route(r: Rules) -> None:
    """SEQ-E3: MAP if its tests are met, otherwise full administration [V: AIB]."""
    r.add(
        "SEQ-E3",
        NOTE,
        "route: MAP if its tests are met, otherwise full administration; needs a Certificate "
        "for Sequestration or apparent insolvency (detail not in the reference)",
        source=AIB,
    )


def seq_e4_connection(r: Rules) -> None:
    """SEQ-E4: lived in Scotland in the last year [U]."""
    lived = r.facts.residence.lived_there_last_year
    if lived is None:
        r.add("SEQ-E4", MISSING, "missing: connection with Scotland in the last year [U]")
    else:
        r.add(
            "SEQ-E4",
            PASS if lived else FAIL,
            ("lived" if lived else "did not live") + " in Scotland in the last year [U]",
        )


def seq_e5_home(r: Rules) -> None:
    """SEQ-E5: the home or its equity is at risk (a note)."""
    if r.facts.assets.is_homeowner:
        r.add("SEQ-E5", NOTE, "owns property: the home or its equity is at risk")


SEQUESTRATION_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="SEQ-E1",
        check=seq_e1_not_sequestrated,
        title="Not already sequestrated or in a MAP",
        source=AIB,
    ),
    RuleSpec(id="SEQ-E2", check=seq_e2_fee, title="Full administration fee", source=AIB),
    RuleSpec(id="SEQ-E3", check=seq_e3_route, title="Route and certificate", source=AIB),
    RuleSpec(
        id="SEQ-E4",
        check=seq_e4_connection,
        title="Lived in Scotland in the last year",
        source="[U]",
    ),
    RuleSpec(id="SEQ-E5", check=seq_e5_home, title="Risk to the home", source=_NOTE_ONLY),
)
