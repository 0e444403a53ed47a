"""Debt solutions: options appraisal by jurisdiction and date, and repayment offers."""
