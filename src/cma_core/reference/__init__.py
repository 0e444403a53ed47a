"""Versioned reference data: dated thresholds, jurisdictions and spending guidelines.

Data lives in files shipped with the package (``thresholds.json``,
``example_spending_guidelines.csv``); this package only parses and looks them up.
"""
