"""Request shapes of the SFS budget and the JSON it is answered with."""

from __future__ import annotations

from typing import Annotated, Any

from msgspec import Meta

from cma_core.budgets.deficit import deficit_of
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Tenure
from cma_core.budgets.service import BudgetView
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.data import to_data
from cma_core.shared.money import Money
from cma_entrypoints.http.common.schemas import (
    MAX_ITEMS,
    Code,
    Count,
    Input,
    Line,
    LongText,
    Name,
    Pence,
)


class LineIn(Input):
    amount_pence: Pence
    frequency: Frequency = Frequency.MONTHLY
    note: Line | None = None


class OtherEssentialIn(Input):
    label: Name
    amount_pence: Pence
    frequency: Frequency = Frequency.MONTHLY
    note: Line | None = None


class HouseholdIn(Input):
    has_partner: bool = False
    dependent_children_under_16: Count = 0
    dependent_children_16_18: Count = 0
    other_dependants: Count = 0
    non_dependants: Count = 0
    vehicles: Count = 0
    tenure: Tenure | None = None


class BudgetIn(Input):
    """The whole SFS budget (a PUT replaces it). ``lines`` is keyed by SFS line key."""

    lines: Annotated[dict[Code, LineIn], Meta(max_length=MAX_ITEMS)] = {}
    other_essentials: Annotated[list[OtherEssentialIn], Meta(max_length=50)] = []
    category_notes: Annotated[dict[Code, LongText], Meta(max_length=50)] = {}
    savings_contribution_pence: Pence = 0
    savings_contribution_considered: bool | None = None
    asset_use_considered: bool | None = None
    debt_admin_fee_pence: Pence = 0
    household: HouseholdIn | None = None
    #: SFS statement details (checked field by field by the service).
    details: Annotated[dict[Code, Any], Meta(max_length=MAX_ITEMS)] | None = None
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
        "deficit": deficit_out(view.summary.available_for_priority, view.jurisdiction),
        "completed_at": r.completed_at.isoformat() if r.completed_at else None,
        "updated_at": r.updated_at.isoformat(),
        "version": r.version,
    }


def deficit_out(
    available: Money, jurisdiction: Jurisdiction | None = None
) -> dict[str, Any] | None:
    """The budget's shortfall and the deficit options for the case's jurisdiction
    (``None`` unless in deficit)."""
    deficit = deficit_of(available, jurisdiction)
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
