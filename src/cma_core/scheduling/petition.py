"""A creditor's bankruptcy petition: the petition debt minimum and the petition deposit,
read from the centre's versioned thresholds (its loaded table, else the one shipped:
``bankruptcy.creditor_petition_min_debt`` £5,000 and ``bankruptcy.creditor_petition_deposit``
£1,500 from 2022-11-01 in England and Wales; UK-DEBT-ADVICE §1.4 [S]) in force, in the
case's jurisdiction, on the petition's date. Where the table holds no figure for that
jurisdiction (the shipped one has none for a Scottish creditor's petition for
sequestration or Northern Ireland), the fact is recorded and the note says the figure was
not checked: a centre that loads the figures gets them checked.

Recorded as the fact ``creditor_petition`` with ``details``: ``debt_pence`` (the petition
debt, required), ``deposit_pence`` (the deposit the creditor paid, if known) and
``hearing_on`` (the hearing date, if known: a dated threat with a task before it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import ThresholdTable, default_thresholds
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import MAX_PENCE, Money

MIN_DEBT = "bankruptcy.creditor_petition_min_debt"
DEPOSIT = "bankruptcy.creditor_petition_deposit"


@frozen
class PetitionCheck:
    """What the figures say about a creditor's petition, in words an adviser can use."""

    debt: Money
    minimum: Money | None  # None: the table has no figure for the jurisdiction
    deposit: Money | None
    deposit_in_force: Money | None
    below_minimum: bool
    notes: tuple[str, ...]
    source: str


def _pence(details: Mapping[str, Any], key: str, *, required: bool) -> Money | None:
    raw = details.get(key)
    if raw is None:
        if required:
            raise ValidationError(f"details.{key}", "give the amount in pence")
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_PENCE:
        raise ValidationError(f"details.{key}", "an integer number of pence, 0 to £100m")
    return Money(raw)


def hearing_on(details: Mapping[str, Any]) -> dt.date | None:
    raw = details.get("hearing_on")
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise ValidationError("details.hearing_on", "a date, YYYY-MM-DD") from None


def check_petition(
    presented_on: dt.date,
    details: Mapping[str, Any],
    table: ThresholdTable | None = None,
    jurisdiction: Jurisdiction = Jurisdiction.EW,
) -> PetitionCheck:
    """The petition debt against the minimum, the deposit against the figure in force."""
    table = table or default_thresholds()
    debt = _pence(details, "debt_pence", required=True)
    assert debt is not None
    deposit = _pence(details, "deposit_pence", required=False)
    hearing_on(details)  # validated here, used by the clock
    minimum = table.find(jurisdiction, MIN_DEBT, presented_on)
    in_force = table.find(jurisdiction, DEPOSIT, presented_on)
    notes = []
    below = minimum is not None and debt.pence < minimum.value
    if minimum is None:
        notes.append(
            f"no creditor's petition minimum for {jurisdiction.value} is in the reference "
            f"data for {presented_on:%d %b %Y}: the petition debt was not checked"
        )
    elif below:
        notes.append(
            f"the petition debt {debt} is below the {Money(minimum.value)} minimum for a "
            "creditor's petition: grounds to oppose it"
        )
    if in_force is None:
        notes.append(f"no petition deposit figure is on file for {presented_on:%d %b %Y}")
    elif deposit is not None and deposit.pence != in_force.value:
        notes.append(
            f"the deposit paid ({deposit}) is not the {Money(in_force.value)} in force on "
            f"{presented_on:%d %b %Y}: check with the court"
        )
    return PetitionCheck(
        debt=debt,
        minimum=Money(minimum.value) if minimum else None,
        deposit=deposit,
        deposit_in_force=Money(in_force.value) if in_force else None,
        below_minimum=below,
        notes=tuple(notes),
        source="; ".join(t.citation() for t in (minimum, in_force) if t is not None),
    )


def checked_details(check: PetitionCheck, details: Mapping[str, Any]) -> dict[str, Any]:
    """The fact's details with what the check found, kept with the fact."""
    return {
        **details,
        "minimum_pence": check.minimum.pence if check.minimum else None,
        "deposit_in_force_pence": check.deposit_in_force.pence if check.deposit_in_force else None,
        "below_minimum": check.below_minimum,
        "notes": list(check.notes),
        "source": check.source,
    }
