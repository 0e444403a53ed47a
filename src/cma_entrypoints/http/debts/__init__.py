"""Debts over HTTP: the creditor directory, a case's debts and financial facts."""

from cma_entrypoints.http.debts.controllers import CreditorController, DebtController

__all__ = ["CreditorController", "DebtController"]
