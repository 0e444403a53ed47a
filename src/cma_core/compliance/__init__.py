"""Compliance engine: rules CR-01 … CR-24 over a ``CaseFile`` snapshot, and QA sampling.

Pure domain code (attrs + stdlib). Rules cite UK-DEBT-ADVICE §6.1 and the sources it names.
"""
