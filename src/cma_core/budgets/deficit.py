"""A deficit budget: outgoings above income (``available_for_priority`` below zero).

A deficit is not a nil budget. With nothing left, token payments of £1-£2 a month per
creditor are the usual offer (UK-DEBT-ADVICE §1.6); with *less than nothing*, every penny
offered deepens the shortfall, so no token offers are proposed by default (the adviser may
still ask for them), and the advice turns to the options for a deficit budget below. Each
note cites its source in the shared domain reference (/work/shared/domain).
"""

from __future__ import annotations

from attrs import frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.money import Money


@frozen(kw_only=True)
class DeficitNote:
    id: str
    title: str
    text: str
    source: str

    def __str__(self) -> str:
        return f"{self.id}: {self.text} [{self.source}]"


#: The advice options for a deficit budget, as data (id, what to do, the source).
DEFICIT_OPTIONS: tuple[DeficitNote, ...] = (
    DeficitNote(
        id="DEF-INCOME",
        title="maximise income",
        text="maximise income first: a benefits and grants check, discounts and social "
        "tariffs (council tax support, water and energy schemes), then review each cost "
        "line; the budget only balances from the income side or the cost side",
        source="UK-DEBT-ADVICE §4 (SFS: available_for_priority = income - outgoings); "
        "§6 CONC 8 / CP21/30 (a full assessment of income and expenditure)",
    ),
    DeficitNote(
        id="DEF-PRIORITY",
        title="priority arrangements",
        text="deal with priority debts first (home, liberty, essential services): agree "
        "holding arrangements and ask for enforcement to be paused while income is "
        "maximised; offer priority creditors only what the budget can pay",
        source="UK-DEBT-ADVICE §3 (priority debts) and §6.1 CR-10 (priority offers no "
        "more than is available for them)",
    ),
    DeficitNote(
        id="DEF-BREATHING-SPACE",
        title="breathing space",
        text="in England and Wales, consider a Breathing Space (60 days: interest, charges "
        "and enforcement paused; no fee) while the deficit is worked on, or a mental health "
        "crisis moratorium where AMHP evidence exists; neither exists in Scotland or "
        "Northern Ireland, where creditors are asked to hold action instead",
        source="UK-DEBT-ADVICE §2 (SI 2020/1311 regs 4, 23, 24(3), 28-30)",
    ),
    DeficitNote(
        id="DEF-NO-TOKENS",
        title="a payment holiday, not token payments",
        text="no token payments by default: tokens suit a nil or low surplus, and here "
        "each one deepens the shortfall; write to non-priority creditors explaining the "
        "deficit and asking them to hold action (a payment holiday) instead",
        source="UK-DEBT-ADVICE §1.6 (token payments when surplus is nil or low) and §4 "
        "(if nothing is available, token payments or a payment holiday)",
    ),
)


#: Breathing Space is an England and Wales scheme: elsewhere the note asks creditors to
#: hold action instead (Scotland's DAS protection comes with an approved programme).
_HOLD_ACTION = DeficitNote(
    id="DEF-HOLD",
    title="ask creditors to hold action",
    text="ask creditors to hold action while the deficit is worked on; Breathing Space "
    "and the mental health crisis moratorium exist only in England and Wales",
    source="UK-DEBT-ADVICE §2 (Breathing Space: SI 2020/1311, England and Wales)",
)
_BREATHING_SPACE_EW = DeficitNote(
    id="DEF-BREATHING-SPACE",
    title="breathing space",
    text="consider a Breathing Space (60 days: interest, charges and enforcement paused; no "
    "fee) while the deficit is worked on, or a mental health crisis moratorium where AMHP "
    "evidence exists",
    source="UK-DEBT-ADVICE §2 (SI 2020/1311 regs 4, 23, 24(3), 28-30)",
)


def deficit_options(jurisdiction: Jurisdiction | None) -> tuple[DeficitNote, ...]:
    """The options for the case's jurisdiction (``None``: unknown, the note says where
    Breathing Space applies)."""
    if jurisdiction is None:
        return DEFICIT_OPTIONS
    local = _BREATHING_SPACE_EW if jurisdiction is Jurisdiction.EW else _HOLD_ACTION
    return tuple(local if n.id == "DEF-BREATHING-SPACE" else n for n in DEFICIT_OPTIONS)


@frozen(kw_only=True)
class Deficit:
    """How far the budget falls short each month, and the options to advise on."""

    shortfall: Money
    notes: tuple[DeficitNote, ...] = DEFICIT_OPTIONS

    @property
    def message(self) -> str:
        return f"the budget is in deficit: outgoings exceed income by {self.shortfall} a month"


def deficit_of(
    available_for_priority: Money | None, jurisdiction: Jurisdiction | None = None
) -> Deficit | None:
    """The deficit of a budget whose ``available_for_priority`` is below zero; ``None``
    for a budget that balances (a nil budget is not a deficit) or is unknown.

    >>> deficit_of(Money(-2500)).shortfall
    Money(pence=2500)
    >>> deficit_of(Money(0)) is None
    True
    """
    if available_for_priority is None or not available_for_priority.is_negative:
        return None
    return Deficit(shortfall=-available_for_priority, notes=deficit_options(jurisdiction))
