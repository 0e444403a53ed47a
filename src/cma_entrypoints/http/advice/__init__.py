"""Debt advice over HTTP: advice records, letters and letter templates."""
