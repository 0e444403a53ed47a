"""Debts over HTTP: the creditor directory, a case's debts and financial facts."""
