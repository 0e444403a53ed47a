"""Budgets over HTTP: the SFS budget and SFS import and export."""
