"""What to call a debt when a sentence needs a name for it: never "unnamed creditor".

1. The creditor recorded on the debt, from the centre's directory.
2. Else the one creditor in the directory whose account-reference format the debt's
   reference fits in full (``Creditor.reference_matches``); none or several, no guess.
3. Else the kind of debt in words ("Council Tax", "Credit card").
"""

from __future__ import annotations

from collections.abc import Sequence

from cma_core.advice.wording import DEBT_TYPE_LABELS
from cma_core.debts.model import Creditor, Debt
from cma_core.debts.ports import PatternEngine


def debt_name(
    debt: Debt, directory: Sequence[Creditor], patterns: PatternEngine | None = None
) -> str:
    """The best name for ``debt`` that the case and the directory know (formats are
    tried only with ``patterns``, the engine that runs users' patterns in bounded time)."""
    if debt.creditor_id is not None:
        named = next((c.name for c in directory if c.id == debt.creditor_id), None)
        if named:
            return named
    if debt.account_reference and patterns is not None:
        reference = debt.account_reference
        fits = [c for c in directory if c.reference_matches(reference, patterns) is True]
        if len(fits) == 1:
            return fits[0].name
    return DEBT_TYPE_LABELS[debt.debt_type]
