"""Budgets over HTTP: the SFS budget, SFS import and export, and the SFS line catalogue."""

from cma_entrypoints.http.budgets.catalogue import SfsCatalogueController
from cma_entrypoints.http.budgets.controllers import BudgetController

__all__ = ["BudgetController", "SfsCatalogueController"]
