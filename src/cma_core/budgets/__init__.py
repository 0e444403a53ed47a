"""Standard Financial Statement budgets: line catalogue, frequencies, totals, guidelines."""
