"""OpenAPI request examples of the budget routes."""

from __future__ import annotations

BUDGET_EXAMPLE = {
    "household": {
        "has_partner": False,
        "dependent_children_under_16": 1,
        "tenure": "Tenant - social",
    },
    "lines": {
        "client_salary": {"amount_pence": 32000, "frequency": "weekly"},
        "rent": {"amount_pence": 52000},
        "groceries": {"amount_pence": 35000, "note": "special diet (receipts held)"},
    },
    "category_notes": {"food_housekeeping": "coeliac diet"},
    "savings_contribution_pence": 1000,
    "savings_contribution_considered": True,
    "asset_use_considered": True,
    "details": {"client_employment_status": ["Part-time"]},
    "complete": True,
}
