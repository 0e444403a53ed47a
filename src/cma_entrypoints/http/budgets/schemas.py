"""Request shapes of the SFS budget and the JSON it is answered with."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from cma_core.budgets.deficit import deficit_of
from cma_core.budgets.service import BudgetView
from cma_core.shared.data import to_data
from cma_core.shared.money import Money


class LineIn(Struct, forbid_unknown_fields=True):
    amount_pence: int
    frequency: str = "monthly"
    note: str | None = None


class OtherEssentialIn(Struct, forbid_unknown_fields=True):
    label: str
    amount_pence: int
    frequency: str = "monthly"
    note: str | None = None


class HouseholdIn(Struct, forbid_unknown_fields=True):
    has_partner: bool = False
    dependent_children_under_16: int = 0
    dependent_children_16_18: int = 0
    other_dependants: int = 0
    non_dependants: int = 0
    vehicles: int = 0
    tenure: str | None = None


class BudgetIn(Struct, forbid_unknown_fields=True):
    """The whole SFS budget (a PUT replaces it). ``lines`` is keyed by SFS line key."""

    lines: dict[str, LineIn] = {}
    other_essentials: list[OtherEssentialIn] = []
    category_notes: dict[str, str] = {}
    savings_contribution_pence: int = 0
    savings_contribution_considered: bool | None = None
    asset_use_considered: bool | None = None
    debt_admin_fee_pence: int = 0
    household: HouseholdIn | None = None
    details: dict[str, Any] | None = None
    complete: bool = False


def budget_out(view: BudgetView) -> dict[str, Any]:
    r = view.record
    return {
        "case_id": str(r.case_id),
        "budget": to_data(r.budget),
        "details": to_data(r.details),
        "summary": to_data(view.summary),
        "guidelines_loaded": view.guidelines_loaded,
        "guidelines": [
            {
                "category": c.category.value,
                "spent_pence": c.spent.pence,
                "guideline_pence": c.guideline.monthly.pence if c.guideline else None,
                "status": c.status.value,
                "flagged": c.flagged,
                "message": c.message,
            }
            for c in view.guidelines
        ],
        "deficit": deficit_out(view.summary.available_for_priority),
        "completed_at": r.completed_at.isoformat() if r.completed_at else None,
        "updated_at": r.updated_at.isoformat(),
        "version": r.version,
    }


def deficit_out(available: Money) -> dict[str, Any] | None:
    """The budget's shortfall and the deficit options (``None`` unless in deficit)."""
    deficit = deficit_of(available)
    if deficit is None:
        return None
    return {
        "shortfall_pence": deficit.shortfall.pence,
        "message": deficit.message,
        "notes": [
            {"id": n.id, "title": n.title, "text": n.text, "source": n.source}
            for n in deficit.notes
        ],
    }
