"""Debts: the creditor directory, debt records, priority classification and limitation."""
