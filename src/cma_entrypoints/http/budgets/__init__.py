"""Budgets over HTTP: the SFS budget and SFS import and export."""

from cma_entrypoints.http.budgets.controllers import BudgetController

__all__ = ["BudgetController"]
